<?cs #
  pages/course/show.cs: GET /courses/{id}, one course, inside layout.cs (cgi-bin/pages/course.c).
  Reads:
    P.Crumbs.N.Label / .Href
    P.Course.Id Title Summary Mode ModeKey Audience AudienceKey AudienceHref Credits Hours Price
      IsFree Rating RatingCount Category CategoryHref AgencyId AgencyName AgencyPhone
      AgencyDistrict, P.Course.Description.Html (the description, from md_render), else P.Course.Paragraphs.N.Lines.M,
      P.Course.OutcomeLines.N (learning outcomes, plain text), P.Course.CoverSrc (absent: no cover)
    P.Offerings.N.Id Name StartsOn EndsOn (absent for a one-day class) Schedule Capacity SeatsLeft
      Price IsFree OpensOn OpensTime ClosesOn ClosesTime Status (open upcoming closed full ended)
      SiteId SiteName SiteAddress SiteLevel SiteLevelName SitePhone (no SiteId: online / to be set)
      Weekly (the weekly hours in words; absent when not set) FreeSeats CancelOn CancelTime
      (absent: cancel until enrollment closes) Eligibility.M (限60岁及以上, 限湖滨区居民 in words)
      Teachers.M.Name Kind Qualifications
  The cover is decorative (alt=""): it is the agency's picture, not information, and the title
  is the <h1> just below it, so a screen reader would only hear the title twice.
    P.OfferingCount P.OpenCount
    P.Similar.N (course_card fields) P.SimilarMoreHref
  Enrollment is not online yet: an open class offers a phone number to call (the site's, else the
  provider's), never a form.
  Layout: the description and the facts box are a .course-layout grid (one column on phones,
  main + aside from 56em); without a description the facts and the provider are two boxes side
  by side (.course-grid). The offerings table and the similar courses run the full width below. Each table cell's content is wrapped in one <div>
  because .table-stack turns a cell into a two-column grid (label, value) on narrow screens.
?>
<?cs call:breadcrumbs(P.Crumbs) ?>

<header class="course-header">
  <?cs if:P.Course.CoverSrc ?><img class="course-cover" src="<?cs var:P.Course.CoverSrc ?>" alt="" width="1200" height="675"><?cs /if ?>
  <h1><?cs var:P.Course.Title ?></h1>
  <div class="card-badges">
    <?cs if:P.Course.IsFree == 1 ?><?cs call:badge("free", L.common.free_badge) ?><?cs
    else ?><?cs call:badge("paid", L.common.paid_badge) ?><?cs /if ?>
    <?cs call:badge("mode", P.Course.Mode) ?>
    <?cs call:badge("info", P.Course.Audience) ?>
    <?cs if:P.Course.Credits ?><span class="badge badge-info"><?cs var:P.Course.Credits ?> <?cs
      if:P.Course.Credits == "1" ?><?cs var:L.course.credits_unit_one ?><?cs
      else ?><?cs var:L.course.credits_unit ?><?cs /if ?></span><?cs /if ?>
    <?cs if:#P.Course.Hours > 0 ?><span class="badge badge-info"><?cs var:P.Course.Hours ?> <?cs
      if:P.Course.Hours == "1" ?><?cs var:L.course.hours_unit_one ?><?cs
      else ?><?cs var:L.course.hours_unit ?><?cs /if ?></span><?cs /if ?>
  </div>
  <p class="course-rating"><span class="visually-hidden"><?cs var:L.common.rating ?> </span><?cs
    if:P.Course.Rating ?><span class="rating-star" aria-hidden="true">★</span> <strong><?cs
      var:P.Course.Rating ?></strong> <?cs var:L.course.rating_out_of ?> <?cs
      var:L.common.rating_count_pre ?><?cs var:P.Course.RatingCount ?> <?cs var:L.common.rating_count_post ?><?cs
    else ?><?cs var:L.common.no_rating ?><?cs /if ?></p>
  <p class="lead"><?cs var:P.Course.Summary ?></p>
</header>

<?cs # the course's facts and its provider: in the aside beside the description, or side by side
  when there is no description ?>
<?cs def:course_page_facts() ?>
  <h2><?cs var:L.course.facts ?></h2>
  <dl class="facts">
    <dt><?cs var:L.common.price ?></dt>
    <dd><strong><?cs var:P.Course.Price ?></strong></dd>
    <dt><?cs var:L.common.category ?></dt>
    <dd><a href="<?cs var:P.Course.CategoryHref ?>"><?cs var:P.Course.Category ?></a></dd>
    <dt><?cs var:L.common.mode ?></dt>
    <dd><?cs var:P.Course.Mode ?></dd>
    <dt><?cs var:L.common.audience ?></dt>
    <dd><?cs if:P.Course.AudienceHref ?><a href="<?cs var:P.Course.AudienceHref ?>"><?cs var:P.Course.Audience ?></a><?cs
      else ?><?cs var:P.Course.Audience ?><?cs /if ?></dd>
    <?cs if:P.Course.Credits ?>
    <dt><?cs var:L.common.credits ?></dt>
    <dd><?cs var:P.Course.Credits ?></dd>
    <?cs /if ?>
    <?cs if:#P.Course.Hours > 0 ?>
    <dt><?cs var:L.course.hours ?></dt>
    <dd><?cs var:P.Course.Hours ?></dd>
    <?cs /if ?>
  </dl>
<?cs /def ?>
<?cs def:course_page_provider() ?>
  <h2><?cs var:L.course.provider ?></h2>
  <p><strong><a href="/agencies/<?cs var:P.Course.AgencyId ?>"><?cs var:P.Course.AgencyName ?></a></strong></p>
  <dl class="facts">
    <?cs if:P.Course.AgencyDistrict ?>
    <dt><?cs var:L.course.district ?></dt>
    <dd><?cs var:P.Course.AgencyDistrict ?></dd>
    <?cs /if ?>
    <?cs if:P.Course.AgencyPhone ?>
    <dt><?cs var:L.course.phone ?></dt>
    <dd><a href="tel:<?cs var:P.Course.AgencyPhone ?>"><?cs var:P.Course.AgencyPhone ?></a></dd>
    <?cs /if ?>
  </dl>
  <p><a href="/agencies/<?cs var:P.Course.AgencyId ?>"><?cs var:L.course.agency_more ?></a></p>
<?cs /def ?>

<?cs if:P.Course.Description.Html || subcount(P.Course.Paragraphs) > 0 ?>
<div class="course-layout course-section">
  <section class="course-main course-section" aria-labelledby="course-about">
    <h2 id="course-about"><?cs var:L.course.about ?></h2>
    <div class="prose">
      <?cs uvar:P.Course.Description.Html ?>
      <?cs each:para = P.Course.Paragraphs ?>
      <p><?cs each:line = para.Lines ?><?cs if:!first(line) ?><br><?cs /if ?><?cs var:line ?><?cs /each ?></p>
      <?cs /each ?>
    </div>
  </section>
  <aside class="course-aside" aria-label="<?cs var:L.course.facts ?>">
    <div class="box">
      <?cs call:course_page_facts() ?>
      <?cs call:course_page_provider() ?>
    </div>
  </aside>
</div>
<?cs else ?>
<div class="course-grid course-section">
  <div class="box"><?cs call:course_page_facts() ?></div>
  <div class="box"><?cs call:course_page_provider() ?></div>
</div>
<?cs /if ?>

<?cs if:subcount(P.Course.OutcomeLines) > 0 ?>
<section class="course-section" aria-labelledby="course-outcomes">
  <h2 id="course-outcomes"><?cs var:L.course.outcomes ?></h2>
  <p><?cs var:L.course.outcomes_intro ?></p>
  <ul class="outcomes">
    <?cs each:line = P.Course.OutcomeLines ?><li><?cs var:line ?></li><?cs /each ?>
  </ul>
</section>
<?cs /if ?>

<section class="course-section" id="offerings" aria-labelledby="course-offerings">
  <h2 id="course-offerings"><?cs var:L.course.offerings ?></h2>
  <?cs if:#P.OfferingCount > 0 ?>
  <?cs if:#P.OpenCount > 0 ?>
  <div class="notice">
    <p><strong><?cs var:L.course.enroll_title ?></strong> <?cs var:L.course.enroll_note ?></p>
  </div>
  <?cs /if ?>
  <table class="table table-stack">
    <caption class="visually-hidden"><?cs var:L.course.offerings_caption ?></caption>
    <thead>
      <tr>
        <th scope="col"><?cs var:L.course.col_name ?></th>
        <th scope="col"><?cs var:L.course.col_place ?></th>
        <th scope="col"><?cs var:L.course.col_seats ?></th>
        <th scope="col"><?cs var:L.course.col_price ?></th>
        <th scope="col"><?cs var:L.course.col_enroll ?></th>
      </tr>
    </thead>
    <tbody>
      <?cs each:o = P.Offerings ?>
      <tr id="offering-<?cs var:o.Id ?>">
        <td data-label="<?cs var:L.course.col_name ?>"><div>
          <strong><?cs var:o.Name ?></strong><br>
          <span class="nowrap"><?cs var:o.StartsOn ?></span><?cs
          if:o.EndsOn ?> <?cs var:L.course.dates_to ?> <span class="nowrap"><?cs var:o.EndsOn ?></span><?cs /if ?><?cs
          if:o.Weekly ?><br><?cs var:o.Weekly ?><?cs /if ?><?cs
          if:o.Schedule ?><br><?cs var:o.Schedule ?><?cs /if ?><?cs
          each:e = o.Eligibility ?><br><?cs call:badge("info", e) ?><?cs /each ?><?cs
          if:subcount(o.Teachers) > 0 ?>
          <p class="offering-teachers"><?cs var:L.course.teachers ?></p>
          <ul class="teacher-list">
            <?cs each:t = o.Teachers ?><li><strong><?cs var:t.Name ?></strong> · <?cs var:t.Kind ?><?cs
              if:t.Qualifications ?><br><span class="muted"><?cs var:t.Qualifications ?></span><?cs /if ?></li><?cs /each ?>
          </ul><?cs /if ?>
        </div></td>
        <td data-label="<?cs var:L.course.col_place ?>"><div>
          <?cs if:o.SiteId ?>
          <a href="/sites/<?cs var:o.SiteId ?>"><?cs var:o.SiteName ?></a><br>
          <span class="muted"><?cs var:o.SiteLevelName ?></span><br>
          <?cs var:o.SiteAddress ?>
          <?cs elif:P.Course.ModeKey == "offline" ?>
          <?cs var:L.course.place_tbd ?>
          <?cs else ?>
          <?cs var:L.course.online ?>
          <?cs /if ?>
        </div></td>
        <td data-label="<?cs var:L.course.col_seats ?>"><div>
          <?cs if:o.Status == "ended" ?><?cs
          elif:#o.SeatsLeft > 5 ?><span class="nowrap"><?cs var:L.course.seats_free_pre ?> <?cs var:o.SeatsLeft ?> <?cs var:L.course.seats_free_post ?></span><br><?cs
          else ?><?cs call:seats_badge(o.SeatsLeft) ?><br><?cs /if ?>
          <span class="muted nowrap"><?cs var:L.course.seats_total_pre ?> <?cs var:o.Capacity ?> <?cs var:L.course.seats_total_post ?></span><?cs
          if:#o.FreeSeats > 0 ?><br><span class="muted"><?cs var:L.course.free_seats_pre ?> <?cs var:o.FreeSeats ?> <?cs var:L.course.free_seats_post ?></span><?cs /if ?>
        </div></td>
        <td data-label="<?cs var:L.course.col_price ?>"><div><strong><?cs var:o.Price ?></strong></div></td>
        <td data-label="<?cs var:L.course.col_enroll ?>"><div>
          <p><?cs
            if:o.Status == "open" ?><?cs call:badge("ok", L.course.status.open) ?><?cs
            elif:o.Status == "upcoming" ?><?cs call:badge("info", L.course.status.upcoming) ?><br><?cs
              var:L.course.upcoming_pre ?> <?cs var:o.OpensOn ?> <?cs var:L.course.upcoming_post ?><?cs
            elif:o.Status == "full" ?><?cs call:badge("full", L.course.status.full) ?><?cs
            elif:o.Status == "closed" ?><?cs call:badge("level", L.course.status.closed) ?><?cs
            else ?><span class="muted"><?cs var:L.course.status.ended ?></span><?cs /if ?></p>
          <?cs if:o.Status != "ended" ?>
          <p class="muted"><?cs var:L.course.window_opens ?> <span class="nowrap"><?cs var:o.OpensOn ?></span> <?cs var:o.OpensTime ?><br>
            <?cs var:L.course.window_closes ?> <span class="nowrap"><?cs var:o.ClosesOn ?></span> <?cs var:o.ClosesTime ?><br>
            <?cs if:o.CancelOn ?><?cs var:L.course.cancel_until ?> <span class="nowrap"><?cs var:o.CancelOn ?></span> <?cs var:o.CancelTime ?><?cs
            else ?><?cs var:L.course.cancel_before_close ?><?cs /if ?></p>
          <?cs /if ?>
          <?cs if:o.Status == "open" ?><?cs
            if:o.SitePhone ?><?cs set:Tmp.EnrollPhone = o.SitePhone ?><?cs
            else ?><?cs set:Tmp.EnrollPhone = P.Course.AgencyPhone ?><?cs /if ?>
          <?cs if:Tmp.EnrollPhone ?>
          <a class="btn btn-secondary" href="tel:<?cs var:Tmp.EnrollPhone ?>"><span><?cs
            var:L.course.enroll_call ?> <?cs var:Tmp.EnrollPhone ?></span><span class="visually-hidden"> (<?cs
            var:o.Name ?>)</span></a>
          <?cs elif:o.SiteId ?>
          <a class="btn btn-secondary" href="/sites/<?cs var:o.SiteId ?>"><span><?cs
            var:L.course.enroll_visit ?></span><span class="visually-hidden"> (<?cs var:o.Name ?>)</span></a>
          <?cs /if ?>
          <?cs /if ?>
        </div></td>
      </tr>
      <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="empty-state"><?cs var:L.course.no_offerings ?></p>
  <?cs /if ?>
</section>

<?cs if:subcount(P.Similar) > 0 ?>
<section class="course-section" aria-labelledby="course-similar">
  <h2 id="course-similar"><?cs var:L.course.similar ?></h2>
  <ul class="course-grid">
    <?cs each:c = P.Similar ?>
    <li><?cs call:course_card(c) ?></li>
    <?cs /each ?>
  </ul>
  <p><a href="<?cs var:P.SimilarMoreHref ?>"><?cs var:L.course.similar_more ?></a></p>
</section>
<?cs /if ?>
