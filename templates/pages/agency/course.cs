<?cs #
  pages/agency/course.cs: GET /agency/courses/{id}, a course's overview for its agency, and the
  answer to a refused action, inside layout.cs (cgi-bin/pages/agency_courses.c).
  Reads:
    P.Course.Id Title Summary Audience Mode Credits Hours Category Cover CoverThumb CoverUrl
      PendingCategory PendingMode PendingCredits (empty: nothing waiting) Status UnlistedBy
      UnlistedReason ListedAt UnlistedAt HasChanges, P.Course.Description.Html (md_render),
      P.Course.OutcomeLines.N.Lines.M
    P.Stage, P.StageText, P.StageNext, P.Live
    P.Can.Edit Submit Withdraw Unlist Relist Discard
    P.Done (created saved submitted withdrawn unlisted relisted discarded), P.DoneLive.N and
      P.DoneHeld.N (field labels of a save)
    P.Refusal (a refused action, in words), P.Missing.N (offerings without a site)
    P.Offerings.N.Id Name StartsOn EndsOn Site Price Capacity Status Changed
    P.Reviews.N.Id Kind State SubmittedAt DecidedAt Reasons Note, .Verdicts.M.Item Verdict Note
    P.Versions.N.No Cause MadeAt
?>
<p class="muted"><a href="/agency"><?cs var:L.agency_console.console ?></a> › <a href="/agency/courses"><?cs var:L.agency_courses.list_title ?></a></p>
<h1><?cs var:P.Course.Title ?></h1>

<?cs if:P.Refusal ?>
<div class="notice notice-warn" role="alert" id="refusal"><p><strong><?cs var:L.agency_console.warn_prefix ?></strong> <?cs var:P.Refusal ?></p>
  <?cs if:subcount(P.Missing) > 0 ?><ul><?cs each:m = P.Missing ?><li><?cs var:m ?></li><?cs /each ?></ul><?cs /if ?>
</div>
<?cs /if ?>

<?cs if:P.Done ?>
<div class="notice notice-ok" role="status" id="done"><p><strong><?cs var:L.agency_console.ok_prefix ?></strong> <?cs
  if:P.Done == "created" ?><?cs var:L.agency_courses.done_created ?><?cs
  elif:P.Done == "saved" ?><?cs var:L.agency_courses.done_saved ?><?cs
  elif:P.Done == "submitted" ?><?cs var:L.agency_courses.done_submitted ?><?cs
  elif:P.Done == "withdrawn" ?><?cs var:L.agency_courses.done_withdrawn ?><?cs
  elif:P.Done == "unlisted" ?><?cs var:L.agency_courses.done_unlisted ?><?cs
  elif:P.Done == "relisted" ?><?cs var:L.agency_courses.done_relisted ?><?cs
  else ?><?cs var:L.agency_courses.done_discarded ?><?cs /if ?></p>
  <?cs if:subcount(P.DoneLive) > 0 ?><p id="done-live"><?cs var:L.agency_courses.done_live ?></p>
  <ul><?cs each:f = P.DoneLive ?><li><?cs var:f ?></li><?cs /each ?></ul><?cs /if ?>
  <?cs if:subcount(P.DoneHeld) > 0 ?><p id="done-held"><?cs var:L.agency_courses.done_held ?></p>
  <ul><?cs each:f = P.DoneHeld ?><li><?cs var:f ?></li><?cs /each ?></ul><?cs /if ?>
</div>
<?cs /if ?>

<section class="console-section" id="stage" aria-labelledby="stage-title">
  <h2 id="stage-title"><?cs var:L.agency_courses.stage_label ?> <span id="stage-text"><?cs var:P.StageText ?></span></h2>
  <p><?cs var:P.StageNext ?></p>
  <?cs if:P.Course.Status == "unlisted" ?><p><?cs if:P.Course.UnlistedBy == "staff" ?><?cs var:L.agency_courses.unlisted_by_staff ?><?cs
    else ?><?cs var:L.agency_courses.unlisted_by_agency ?><?cs /if ?> <?cs var:P.Course.UnlistedAt ?><?cs
    if:string.length(P.Course.UnlistedReason) > 0 ?> — <?cs var:P.Course.UnlistedReason ?><?cs /if ?></p><?cs /if ?>
  <div class="form-actions">
    <?cs if:P.Can.Edit == 1 ?><a class="btn" href="/agency/courses/<?cs var:P.Course.Id ?>/edit"><?cs var:L.agency_courses.edit_title ?></a><?cs /if ?>
  </div>
  <?cs if:P.Can.Submit == 1 ?>
  <form class="form" method="post" action="/agency/courses/<?cs var:P.Course.Id ?>/submit">
    <?cs call:csrf_field() ?>
    <div class="field">
      <label for="note"><?cs var:L.agency_courses.submit_note ?></label>
      <p class="field-hint" id="note-hint"><?cs var:L.agency_courses.submit_note_hint ?></p>
      <textarea id="note" name="note" rows="3" maxlength="500" aria-describedby="note-hint"></textarea>
    </div>
    <div class="form-actions"><button class="btn btn-primary" type="submit"><?cs var:L.agency_courses.submit ?></button></div>
  </form>
  <?cs /if ?>
  <?cs if:P.Can.Withdraw == 1 ?>
  <form method="post" action="/agency/courses/<?cs var:P.Course.Id ?>/withdraw"><?cs call:csrf_field() ?>
    <button class="btn" type="submit"><?cs var:L.agency_courses.withdraw ?></button></form>
  <?cs /if ?>
  <?cs if:P.Can.Relist == 1 ?>
  <form method="post" action="/agency/courses/<?cs var:P.Course.Id ?>/relist"><?cs call:csrf_field() ?>
    <button class="btn btn-primary" type="submit"><?cs var:L.agency_courses.relist ?></button></form>
  <?cs /if ?>
  <?cs if:P.Can.Discard == 1 ?>
  <form method="post" action="/agency/courses/<?cs var:P.Course.Id ?>/discard"><?cs call:csrf_field() ?>
    <p class="field-hint"><?cs var:L.agency_courses.discard_hint ?></p>
    <button class="btn" type="submit"><?cs var:L.agency_courses.discard ?></button></form>
  <?cs /if ?>
  <?cs if:P.Can.Unlist == 1 ?>
  <form class="form" method="post" action="/agency/courses/<?cs var:P.Course.Id ?>/unlist"><?cs call:csrf_field() ?>
    <div class="field">
      <label for="reason"><?cs var:L.agency_courses.unlist_reason ?></label>
      <p class="field-hint" id="reason-hint"><?cs var:L.agency_courses.unlist_hint ?></p>
      <input id="reason" name="reason" type="text" maxlength="500" aria-describedby="reason-hint">
    </div>
    <div class="form-actions"><button class="btn" type="submit"><?cs var:L.agency_courses.unlist ?></button></div>
  </form>
  <?cs /if ?>
</section>

<?cs def:pending_mark(value) ?><?cs if:string.length(value) > 0 ?> <span class="badge badge-info"><?cs var:L.agency_courses.awaiting_review ?></span> <?cs var:value ?><?cs /if ?><?cs /def ?>

<section class="console-section" id="fields" aria-labelledby="fields-title">
  <h2 id="fields-title"><?cs var:L.agency_courses.section_fields ?></h2>
  <?cs if:P.Course.CoverThumb ?><p><a href="<?cs var:P.Course.CoverUrl ?>"><img src="<?cs var:P.Course.CoverThumb ?>" width="240" height="135" alt="<?cs var:L.agency_courses.cover_current ?>"></a></p><?cs /if ?>
  <dl class="facts">
    <dt><?cs var:L.agency_courses.f_summary ?></dt><dd><?cs var:P.Course.Summary ?></dd>
    <dt><?cs var:L.agency_courses.f_category ?></dt><dd><?cs var:P.Course.Category ?><?cs call:pending_mark(P.Course.PendingCategory) ?></dd>
    <dt><?cs var:L.agency_courses.f_mode ?></dt><dd><?cs var:L.mode[P.Course.Mode] ?><?cs if:string.length(P.Course.PendingMode) > 0 ?><?cs call:pending_mark(L.mode[P.Course.PendingMode]) ?><?cs /if ?></dd>
    <dt><?cs var:L.agency_courses.f_credits ?></dt><dd id="credits-live"><?cs var:P.Course.Credits ?><?cs call:pending_mark(P.Course.PendingCredits) ?></dd>
    <dt><?cs var:L.agency_courses.f_hours ?></dt><dd><?cs var:P.Course.Hours ?></dd>
    <dt><?cs var:L.agency_courses.f_audience ?></dt><dd><?cs var:L.audience[P.Course.Audience] ?></dd>
  </dl>
  <h3><?cs var:L.agency_courses.f_description ?></h3>
  <div class="prose course-description" id="description"><?cs uvar:P.Course.Description.Html ?></div>
  <?cs if:subcount(P.Course.OutcomeLines) > 0 ?>
  <h3><?cs var:L.agency_courses.f_outcomes ?></h3>
  <ul><?cs each:para = P.Course.OutcomeLines ?><?cs each:line = para.Lines ?><li><?cs var:line ?></li><?cs /each ?><?cs /each ?></ul>
  <?cs /if ?>
</section>

<section class="console-section" id="offerings" aria-labelledby="offerings-title">
  <h2 id="offerings-title"><?cs var:L.agency_courses.section_offerings ?></h2>
  <?cs if:subcount(P.Offerings) > 0 ?>
  <table class="table table-stack">
    <caption class="visually-hidden"><?cs var:L.agency_courses.section_offerings ?></caption>
    <thead><tr>
      <th scope="col"><?cs var:L.agency_courses.col_offering ?></th>
      <th scope="col"><?cs var:L.agency_courses.col_dates ?></th>
      <th scope="col"><?cs var:L.agency_courses.col_site ?></th>
      <th scope="col"><?cs var:L.agency_courses.col_price ?></th>
      <th scope="col"><?cs var:L.agency_courses.col_capacity ?></th>
      <th scope="col"><?cs var:L.agency_courses.col_status ?></th>
    </tr></thead>
    <tbody>
      <?cs each:o = P.Offerings ?>
      <tr>
        <td data-label="<?cs var:L.agency_courses.col_offering ?>"><div><a href="/agency/offerings/<?cs var:o.Id ?>"><?cs var:o.Name ?></a></div></td>
        <td data-label="<?cs var:L.agency_courses.col_dates ?>"><div><?cs var:o.StartsOn ?> – <?cs var:o.EndsOn ?></div></td>
        <td data-label="<?cs var:L.agency_courses.col_site ?>"><div><?cs if:string.length(o.Site) > 0 ?><?cs var:o.Site ?><?cs else ?><?cs var:L.mode.online ?><?cs /if ?></div></td>
        <td data-label="<?cs var:L.agency_courses.col_price ?>"><div><?cs var:o.Price ?></div></td>
        <td data-label="<?cs var:L.agency_courses.col_capacity ?>"><div><?cs var:o.Capacity ?></div></td>
        <td data-label="<?cs var:L.agency_courses.col_status ?>"><div><?cs
          if:o.Status == "draft" ?><?cs call:badge("info", L.agency_courses.offering_draft) ?><?cs
          elif:o.Status == "open" ?><?cs var:L.agency_courses.offering_open ?><?cs
          elif:o.Status == "closed" ?><?cs var:L.agency_courses.offering_closed ?><?cs
          else ?><?cs var:L.agency_courses.offering_cancelled ?><?cs /if ?><?cs
          if:o.Changed == 1 ?> <?cs call:badge("info", L.agency_courses.offering_changed) ?><?cs /if ?></div></td>
      </tr>
      <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="empty-state"><?cs var:L.agency_courses.offerings_none ?></p>
  <?cs /if ?>
  <?cs if:P.Can.Edit == 1 ?><p><a class="btn" href="/agency/courses/<?cs var:P.Course.Id ?>/offerings/new"><?cs var:L.agency_courses.add_offering ?></a></p><?cs /if ?>
</section>

<section class="console-section" id="reviews" aria-labelledby="reviews-title">
  <h2 id="reviews-title"><?cs var:L.agency_courses.section_reviews ?></h2>
  <?cs if:subcount(P.Reviews) > 0 ?>
  <?cs each:r = P.Reviews ?>
  <article class="review">
    <h3><?cs if:r.Kind == "new" ?><?cs var:L.agency_courses.kind_new ?><?cs elif:r.Kind == "change" ?><?cs var:L.agency_courses.kind_change ?><?cs else ?><?cs var:L.agency_courses.kind_relist ?><?cs /if ?>
      — <?cs if:r.State == "submitted" ?><?cs var:L.agency_courses.state_submitted ?><?cs
      elif:r.State == "approved" ?><?cs var:L.agency_courses.state_approved ?><?cs
      elif:r.State == "rejected" ?><?cs var:L.agency_courses.state_rejected ?><?cs
      else ?><?cs var:L.agency_courses.state_withdrawn ?><?cs /if ?></h3>
    <dl class="facts">
      <dt><?cs var:L.agency_courses.submitted_at ?></dt><dd><?cs var:r.SubmittedAt ?></dd>
      <?cs if:string.length(r.DecidedAt) > 0 ?><dt><?cs var:L.agency_courses.decided_at ?></dt><dd><?cs var:r.DecidedAt ?></dd><?cs /if ?>
      <?cs if:string.length(r.Note) > 0 ?><dt><?cs var:L.agency_courses.your_note ?></dt><dd><?cs var:r.Note ?></dd><?cs /if ?>
      <?cs if:string.length(r.Reasons) > 0 ?><dt><?cs var:L.agency_courses.reasons ?></dt><dd class="decision-note"><?cs var:r.Reasons ?></dd><?cs /if ?>
    </dl>
    <?cs if:subcount(r.Verdicts) > 0 ?>
    <ul class="verdicts">
      <?cs each:v = r.Verdicts ?>
      <li><?cs var:v.Item ?>: <strong><?cs if:v.Verdict == "pass" ?><?cs var:L.agency_courses.verdict_pass ?><?cs
        elif:v.Verdict == "fail" ?><?cs var:L.agency_courses.verdict_fail ?><?cs else ?><?cs var:L.agency_courses.verdict_na ?><?cs /if ?></strong><?cs
        if:string.length(v.Note) > 0 ?> — <?cs var:v.Note ?><?cs /if ?></li>
      <?cs /each ?>
    </ul>
    <?cs /if ?>
  </article>
  <?cs /each ?>
  <?cs else ?>
  <p class="empty-state"><?cs var:L.agency_courses.reviews_none ?></p>
  <?cs /if ?>
</section>

<section class="console-section" id="versions" aria-labelledby="versions-title">
  <h2 id="versions-title"><?cs var:L.agency_courses.section_versions ?></h2>
  <?cs if:subcount(P.Versions) > 0 ?>
  <ul>
    <?cs each:v = P.Versions ?>
    <li><?cs var:L.agency_courses.version_no ?> <?cs var:v.No ?> — <?cs if:v.Cause == "approved" ?><?cs var:L.agency_courses.cause_approved ?><?cs else ?><?cs var:L.agency_courses.cause_cosmetic ?><?cs /if ?> — <?cs var:v.MadeAt ?></li>
    <?cs /each ?>
  </ul>
  <?cs else ?>
  <p class="empty-state"><?cs var:L.agency_courses.versions_none ?></p>
  <?cs /if ?>
</section>
