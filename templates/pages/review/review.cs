<?cs #
  pages/review/review.cs: GET /review/{id}, one submission and its decision form, inside layout.cs
  (cgi-bin/pages/review_decide.c). Shown again with P.Error (and the form as sent) when an action
  was refused.
  Reads:
    P.R.Id Kind KindLabel State StateLabel CourseId Note SubmittedAt Age ClaimerId ClaimedBy
      ClaimedAt Mine Reasons DecidedBy DecidedAt AgencyId AgencyName AgencyStatus CourseStatus
      Title Summary Description.Html (md_render output) Cover CoverThumb (its URL, empty without one) Category Mode Hours Credits Guide
    P.Documents.N.Id Filename
    P.Offerings.N.Name Price PerHour AboveGuide StartsOn EndsOn Site Schedule Capacity FreeSeats
      New, .Teachers.M.Name Kind Qualifications
    P.DiffCount, P.Diff.N.Scope Offering Field Before After Kind KindLabel
    P.Items.N.Id Title Guidance (Verdict Note Missing when refilled)
    P.Verdicts.N.Title Verdict Note (a decided review), P.Reasons, P.Error
  A listed course also gets the staff unlisting form (POST /review/courses/{id}/unlist).
?>
<p class="muted"><?cs var:L.review.desk ?> · <?cs var:P.R.KindLabel ?> · <?cs var:P.R.StateLabel ?></p>
<h1><?cs var:L.review.review_title ?> <?cs var:P.R.Title ?></h1>
<p><a href="/review"><?cs var:L.review.back_queue ?></a> · <a href="/review/courses/<?cs var:P.R.CourseId ?>"><?cs var:L.review.unlist_link ?></a></p>

<?cs if:P.Error ?>
<div class="notice notice-error" role="alert"><p><strong><?cs var:L.review.error_prefix ?></strong> <?cs var:P.Error ?></p></div>
<?cs /if ?>

<dl class="card-meta">
  <div><dt><?cs var:L.review.submitted ?></dt><dd><?cs var:P.R.SubmittedAt ?><?cs if:P.R.State == "submitted" ?> (<?cs var:P.R.Age ?>)<?cs /if ?></dd></div>
  <div><dt><?cs var:L.review.claimed ?></dt><dd><?cs if:string.length(P.R.ClaimedBy) > 0 ?><?cs var:L.review.claimed_by_pre ?> <?cs var:P.R.ClaimedBy ?><?cs if:P.R.Mine == 1 ?> <?cs var:L.review.you ?><?cs /if ?>, <?cs var:L.review.claimed_since ?> <?cs var:P.R.ClaimedAt ?><?cs else ?><?cs var:L.review.unclaimed ?><?cs /if ?></dd></div>
</dl>

<section class="console-section" id="agency" aria-labelledby="agency-heading">
  <h2 id="agency-heading"><?cs var:L.review.agency_heading ?></h2>
  <p><?cs var:P.R.AgencyName ?> <?cs call:badge("info", P.R.AgencyStatusLabel) ?></p>
  <h3><?cs var:L.review.documents ?></h3>
  <?cs if:subcount(P.Documents) > 0 ?>
  <ul><?cs each:d = P.Documents ?><li><a href="/agency/documents/<?cs var:d.Id ?>" download><?cs var:d.Filename ?></a></li><?cs /each ?></ul>
  <?cs else ?><p><?cs var:L.review.documents_none ?></p><?cs /if ?>
</section>

<section class="console-section" id="proposed" aria-labelledby="proposed-heading">
  <h2 id="proposed-heading"><?cs var:L.review.proposed_heading ?></h2>
  <?cs if:P.R.CoverThumb ?><p><img src="<?cs var:P.R.CoverThumb ?>" width="480" height="270" alt="<?cs var:L.review.cover ?>"></p><?cs /if ?>
  <dl class="card-meta">
    <div><dt><?cs var:L.review.summary ?></dt><dd><?cs var:P.R.Summary ?></dd></div>
    <div><dt><?cs var:L.review.category ?></dt><dd><?cs var:P.R.Category ?></dd></div>
    <div><dt><?cs var:L.review.mode ?></dt><dd><?cs var:P.R.Mode ?></dd></div>
    <div><dt><?cs var:L.review.hours ?></dt><dd><?cs var:P.R.Hours ?></dd></div>
    <div><dt><?cs var:L.review.credits ?></dt><dd><?cs var:P.R.Credits ?></dd></div>
    <div><dt><?cs var:L.review.guide ?></dt><dd><?cs if:string.length(P.R.Guide) > 0 ?><?cs var:P.R.Guide ?><?cs else ?><?cs var:L.review.guide_none ?><?cs /if ?></dd></div>
  </dl>
  <h3><?cs var:L.review.description ?></h3>
  <div class="prose"><?cs uvar:P.R.Description.Html ?></div>

  <h3><?cs var:L.review.offerings_heading ?></h3>
  <?cs if:subcount(P.Offerings) > 0 ?>
  <ul class="review-offerings">
  <?cs each:o = P.Offerings ?>
  <li><article class="card">
    <h4 class="card-title"><?cs var:o.Name ?><?cs if:o.New == 1 ?> <?cs call:badge("info", L.review.new_offering) ?><?cs /if ?></h4>
    <dl class="card-meta">
      <div><dt><?cs var:L.review.price ?></dt><dd><span class="offering-price"><?cs var:o.Price ?></span><?cs if:o.PerHour ?>; <?cs var:L.review.per_hour ?> <?cs var:o.PerHour ?><?cs
        if:o.AboveGuide == 1 ?> <?cs call:badge("seats", L.review.above_guide) ?><?cs elif:string.length(P.R.Guide) > 0 ?> <?cs call:badge("ok", L.review.within_guide) ?><?cs /if ?><?cs /if ?></dd></div>
      <div><dt><?cs var:L.review.dates ?></dt><dd><?cs var:o.StartsOn ?> – <?cs var:o.EndsOn ?></dd></div>
      <div><dt><?cs var:L.review.schedule ?></dt><dd><?cs var:o.Schedule ?></dd></div>
      <div><dt><?cs var:L.review.site ?></dt><dd><?cs var:o.Site ?></dd></div>
      <div><dt><?cs var:L.review.capacity ?></dt><dd><?cs var:o.Capacity ?> (<?cs var:L.review.free_seats ?> <?cs var:o.FreeSeats ?>)</dd></div>
    </dl>
    <h5><?cs var:L.review.teachers ?></h5>
    <?cs if:subcount(o.Teachers) > 0 ?>
    <ul><?cs each:t = o.Teachers ?><li><strong><?cs var:t.Name ?></strong> (<?cs var:t.Kind ?>): <?cs var:t.Qualifications ?></li><?cs /each ?></ul>
    <?cs else ?><p><?cs var:L.review.teachers_none ?></p><?cs /if ?>
  </article></li>
  <?cs /each ?>
  </ul>
  <?cs else ?><p><?cs var:L.review.offerings_none ?></p><?cs /if ?>

  <h3><?cs var:L.review.note_heading ?></h3>
  <?cs if:string.length(P.R.Note) > 0 ?><blockquote><p><?cs var:P.R.Note ?></p></blockquote><?cs else ?><p><?cs var:L.review.note_none ?></p><?cs /if ?>
</section>

<section class="console-section" id="diff" aria-labelledby="diff-heading">
  <h2 id="diff-heading"><?cs var:L.review.diff_heading ?></h2>
  <?cs if:P.R.Kind == "new" ?>
  <p><?cs var:L.review.diff_first ?></p>
  <?cs elif:#P.DiffCount == 0 ?>
  <p><?cs var:L.review.diff_none ?></p>
  <?cs else ?>
  <table class="table table-stack">
    <caption class="visually-hidden"><?cs var:L.review.diff_heading ?></caption>
    <thead><tr>
      <th scope="col"><?cs var:L.review.diff_field ?></th>
      <th scope="col"><?cs var:L.review.diff_before ?></th>
      <th scope="col"><?cs var:L.review.diff_after ?></th>
    </tr></thead>
    <tbody>
    <?cs each:d = P.Diff ?>
    <tr class="diff-<?cs var:d.Kind ?>">
      <td data-label="<?cs var:L.review.diff_field ?>"><div><?cs if:d.Scope == "offering" ?><?cs var:d.Offering ?> · <?cs /if ?><?cs var:d.Field ?> <?cs call:badge("info", d.KindLabel) ?></div></td>
      <td data-label="<?cs var:L.review.diff_before ?>"><div class="diff-before"><?cs var:d.Before ?></div></td>
      <td data-label="<?cs var:L.review.diff_after ?>"><div class="diff-after"><?cs var:d.After ?></div></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs /if ?>
</section>

<?cs if:P.R.State == "submitted" ?>
<section class="console-section" id="decide" aria-labelledby="decide-heading">
  <h2 id="decide-heading"><?cs var:L.review.checklist_heading ?></h2>
  <?cs if:P.R.Mine != 1 ?>
  <p><?cs if:string.length(P.R.ClaimedBy) > 0 ?><?cs var:L.review.claimed_by_other ?><?cs else ?><?cs var:L.review.not_claimed_note ?><?cs /if ?> <?cs var:L.review.claim_hint ?></p>
  <form class="form" method="post" action="/review/<?cs var:P.R.Id ?>/claim">
    <?cs call:csrf_field() ?>
    <button class="btn btn-primary" type="submit"><?cs var:L.review.claim ?></button>
  </form>
  <?cs else ?>
  <form class="form" method="post" action="/review/<?cs var:P.R.Id ?>/release">
    <?cs call:csrf_field() ?>
    <button class="btn" type="submit"><?cs var:L.review.release ?></button>
  </form>
  <?cs /if ?>
  <p class="muted"><?cs var:L.review.checklist_hint ?></p>
  <form class="form" method="post" action="/review/<?cs var:P.R.Id ?>/decide">
    <?cs call:csrf_field() ?>
    <?cs each:it = P.Items ?>
    <fieldset class="field<?cs if:it.Missing == 1 ?> has-error<?cs /if ?>" id="item-<?cs var:it.Id ?>">
      <legend class="checklist-item"><?cs var:it.Title ?></legend>
      <p class="field-hint"><?cs var:it.Guidance ?></p>
      <?cs if:it.Missing == 1 ?><?cs call:field_error(L.review.verdict_missing) ?><?cs /if ?>
      <label><input type="radio" name="v_<?cs var:it.Id ?>" value="pass"<?cs if:it.Verdict == "pass" ?> checked<?cs /if ?>> <?cs var:L.review.verdict_pass ?></label>
      <label><input type="radio" name="v_<?cs var:it.Id ?>" value="fail"<?cs if:it.Verdict == "fail" ?> checked<?cs /if ?>> <?cs var:L.review.verdict_fail ?></label>
      <label><input type="radio" name="v_<?cs var:it.Id ?>" value="na"<?cs if:it.Verdict == "na" ?> checked<?cs /if ?>> <?cs var:L.review.verdict_na ?></label>
      <label for="n-<?cs var:it.Id ?>"><?cs var:L.review.verdict_note ?></label>
      <input type="text" id="n-<?cs var:it.Id ?>" name="n_<?cs var:it.Id ?>" maxlength="500" value="<?cs var:it.Note ?>">
    </fieldset>
    <?cs /each ?>
    <div class="field">
      <label for="reasons"><?cs var:L.review.reasons ?></label>
      <p class="field-hint" id="reasons-hint"><?cs var:L.review.reasons_hint ?></p>
      <textarea id="reasons" name="reasons" rows="4" maxlength="2000" aria-describedby="reasons-hint"><?cs var:P.Reasons ?></textarea>
    </div>
    <button class="btn btn-primary" type="submit" name="decision" value="approve"><?cs var:L.review.approve ?></button>
    <button class="btn btn-danger" type="submit" name="decision" value="reject"><?cs var:L.review.reject ?></button>
  </form>
</section>
<?cs else ?>
<section class="console-section" id="decided" aria-labelledby="decided-heading">
  <h2 id="decided-heading"><?cs var:L.review.decided_heading ?></h2>
  <p><?cs var:P.R.StateLabel ?><?cs if:string.length(P.R.DecidedBy) > 0 ?> · <?cs var:P.R.DecidedBy ?> · <?cs var:P.R.DecidedAt ?><?cs /if ?></p>
  <?cs if:string.length(P.R.Reasons) > 0 ?><blockquote><p><?cs var:P.R.Reasons ?></p></blockquote><?cs /if ?>
  <?cs if:subcount(P.Verdicts) > 0 ?>
  <h3><?cs var:L.review.verdicts_heading ?></h3>
  <ul><?cs each:v = P.Verdicts ?><li><?cs var:v.Title ?>: <?cs var:v.Verdict ?><?cs if:string.length(v.Note) > 0 ?> (<?cs var:v.Note ?>)<?cs /if ?></li><?cs /each ?></ul>
  <?cs /if ?>
</section>
<?cs /if ?>

<?cs if:P.R.CourseStatus == "listed" ?>
<section class="console-section" id="unlist" aria-labelledby="unlist-heading">
  <h2 id="unlist-heading"><?cs var:L.review.unlist_heading ?></h2>
  <form class="form" method="post" action="/review/courses/<?cs var:P.R.CourseId ?>/unlist">
    <?cs call:csrf_field() ?>
    <div class="field<?cs if:0 ?> has-error<?cs /if ?>">
      <label for="unlist-reason"><?cs var:L.review.unlist_reason ?></label>
      <p class="field-hint" id="unlist-hint"><?cs var:L.review.unlist_hint ?></p>
      <textarea id="unlist-reason" name="reason" rows="3" maxlength="500" required aria-describedby="unlist-hint"><?cs var:P.UnlistReason ?></textarea>
    </div>
    <button class="btn btn-danger" type="submit"><?cs var:L.review.unlist ?></button>
  </form>
</section>
<?cs /if ?>
