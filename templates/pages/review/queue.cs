<?cs #
  pages/review/queue.cs: GET /review, the review desk's queue, inside layout.cs
  (cgi-bin/pages/review.c).
  Reads:
    P.Show                 "", mine or unclaimed (the filter)
    P.Done                 approve | reject | released | unlisted (after a redirect)
    P.Open.N.Id Kind CourseId Title Agency ClaimedBy Mine ClaimedAt Age SubmittedAt
    P.Recent.N.Id State CourseId Title Agency DecidedBy DecidedAt
?>
<p class="muted"><?cs var:L.review.desk ?></p>
<h1><?cs var:L.review.queue_title ?></h1>

<?cs if:P.Done ?>
<div class="notice notice-ok" role="status"><p><strong><?cs var:L.review.ok_prefix ?></strong> <?cs
  if:P.Done == "approve" ?><?cs var:L.review.done_approve ?><?cs
  elif:P.Done == "reject" ?><?cs var:L.review.done_reject ?><?cs
  elif:P.Done == "unlisted" ?><?cs var:L.review.done_unlisted ?><?cs
  else ?><?cs var:L.review.done_released ?><?cs /if ?></p></div>
<?cs /if ?>

<form class="form" method="get" action="/review">
  <label for="review-show"><?cs var:L.review.filter_label ?></label>
  <select id="review-show" name="show">
    <option value=""<?cs if:P.Show == "" ?> selected<?cs /if ?>><?cs var:L.review.filter_all ?></option>
    <option value="mine"<?cs if:P.Show == "mine" ?> selected<?cs /if ?>><?cs var:L.review.filter_mine ?></option>
    <option value="unclaimed"<?cs if:P.Show == "unclaimed" ?> selected<?cs /if ?>><?cs var:L.review.filter_unclaimed ?></option>
  </select>
  <button class="btn" type="submit"><?cs var:L.review.filter_button ?></button>
</form>

<section class="console-section" id="open" aria-labelledby="open-heading">
  <h2 id="open-heading"><?cs var:L.review.open_heading ?></h2>
  <?cs if:subcount(P.Open) > 0 ?>
  <p class="muted"><?cs var:L.review.open_hint ?></p>
  <table class="table table-stack">
    <caption class="visually-hidden"><?cs var:L.review.open_heading ?></caption>
    <thead><tr>
      <th scope="col"><?cs var:L.review.course ?></th>
      <th scope="col"><?cs var:L.review.kind ?></th>
      <th scope="col"><?cs var:L.review.agency ?></th>
      <th scope="col"><?cs var:L.review.waited ?></th>
      <th scope="col"><?cs var:L.review.claimed ?></th>
    </tr></thead>
    <tbody>
    <?cs each:r = P.Open ?>
    <tr class="review-row" data-review="<?cs var:r.Id ?>">
      <td data-label="<?cs var:L.review.course ?>"><div><a href="/review/<?cs var:r.Id ?>"><?cs var:r.Title ?></a></div></td>
      <td data-label="<?cs var:L.review.kind ?>"><div><?cs var:r.Kind ?></div></td>
      <td data-label="<?cs var:L.review.agency ?>"><div><?cs var:r.Agency ?></div></td>
      <td data-label="<?cs var:L.review.waited ?>"><div><span class="review-age"><?cs var:r.Age ?></span> <span class="muted">(<?cs var:L.review.submitted ?> <?cs var:r.SubmittedAt ?>)</span></div></td>
      <td data-label="<?cs var:L.review.claimed ?>"><div><?cs if:string.length(r.ClaimedBy) > 0 ?><?cs var:L.review.claimed_by_pre ?> <?cs var:r.ClaimedBy ?><?cs if:r.Mine == 1 ?> <?cs var:L.review.you ?><?cs /if ?>, <?cs var:L.review.claimed_since ?> <?cs var:r.ClaimedAt ?><?cs else ?><?cs var:L.review.unclaimed ?><?cs /if ?></div></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="empty-state"><?cs var:L.review.open_none ?></p>
  <?cs /if ?>
</section>

<section class="console-section" id="recent" aria-labelledby="recent-heading">
  <h2 id="recent-heading"><?cs var:L.review.recent_heading ?></h2>
  <?cs if:subcount(P.Recent) > 0 ?>
  <table class="table table-stack">
    <caption class="visually-hidden"><?cs var:L.review.recent_heading ?></caption>
    <thead><tr>
      <th scope="col"><?cs var:L.review.course ?></th>
      <th scope="col"><?cs var:L.review.agency ?></th>
      <th scope="col"><?cs var:L.review.decision ?></th>
      <th scope="col"><?cs var:L.review.decided_by ?></th>
      <th scope="col"><?cs var:L.review.decided_at ?></th>
    </tr></thead>
    <tbody>
    <?cs each:r = P.Recent ?>
    <tr>
      <td data-label="<?cs var:L.review.course ?>"><div><a href="/review/<?cs var:r.Id ?>"><?cs var:r.Title ?></a></div></td>
      <td data-label="<?cs var:L.review.agency ?>"><div><?cs var:r.Agency ?></div></td>
      <td data-label="<?cs var:L.review.decision ?>"><div><?cs var:r.State ?></div></td>
      <td data-label="<?cs var:L.review.decided_by ?>"><div><?cs var:r.DecidedBy ?></div></td>
      <td data-label="<?cs var:L.review.decided_at ?>"><div><?cs var:r.DecidedAt ?></div></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="empty-state"><?cs var:L.review.recent_none ?></p>
  <?cs /if ?>
</section>
