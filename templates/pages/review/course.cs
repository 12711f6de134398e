<?cs #
  pages/review/course.cs: GET /review/courses/{id}, a course's listing status for staff with the
  unlist form, inside layout.cs (cgi-bin/pages/review_decide.c). Shown again, with P.Error, when
  unlisting was refused.
  Reads: P.C.Id Title Status StatusLabel Agency UnlistedBy UnlistedReason, P.Error, P.Reason, P.Done
?>
<p class="muted"><?cs var:L.review.desk ?></p>
<h1><?cs var:L.review.course_title ?>: <?cs var:P.C.Title ?></h1>
<p><a href="/review"><?cs var:L.review.back_queue ?></a></p>
<?cs if:P.Done == "unlisted" ?>
<div class="notice notice-ok" role="status"><p><strong><?cs var:L.review.ok_prefix ?></strong> <?cs var:L.review.done_unlisted ?></p></div>
<?cs /if ?>
<?cs if:P.Error ?>
<div class="notice notice-error" role="alert"><p><strong><?cs var:L.review.error_prefix ?></strong> <?cs var:P.Error ?></p></div>
<?cs /if ?>
<dl class="card-meta">
  <div><dt><?cs var:L.review.agency ?></dt><dd><?cs var:P.C.Agency ?></dd></div>
  <div><dt><?cs var:L.review.course_status ?></dt><dd><?cs var:P.C.StatusLabel ?><?cs
    if:P.C.UnlistedBy == "staff" ?> (<?cs var:L.review.unlisted_by_staff ?>)<?cs
    elif:P.C.UnlistedBy == "agency" ?> (<?cs var:L.review.unlisted_by_agency ?>)<?cs /if ?></dd></div>
  <?cs if:string.length(P.C.UnlistedReason) > 0 ?>
  <div><dt><?cs var:L.review.unlisted_reason ?></dt><dd><?cs var:P.C.UnlistedReason ?></dd></div>
  <?cs /if ?>
</dl>
<?cs if:P.C.Status == "listed" ?>
<p><a href="/courses/<?cs var:P.C.Id ?>"><?cs var:L.review.public_page ?></a></p>
<section class="console-section" id="unlist" aria-labelledby="unlist-heading">
  <h2 id="unlist-heading"><?cs var:L.review.unlist_heading ?></h2>
  <form class="form" method="post" action="/review/courses/<?cs var:P.C.Id ?>/unlist">
    <?cs call:csrf_field() ?>
    <div class="field<?cs if:P.Error ?> has-error<?cs /if ?>">
      <label for="unlist-reason"><?cs var:L.review.unlist_reason ?></label>
      <p class="field-hint" id="unlist-hint"><?cs var:L.review.unlist_hint ?></p>
      <textarea id="unlist-reason" name="reason" rows="3" maxlength="500" required aria-describedby="unlist-hint"><?cs var:P.Reason ?></textarea>
    </div>
    <button class="btn btn-danger" type="submit"><?cs var:L.review.unlist ?></button>
  </form>
</section>
<?cs /if ?>
