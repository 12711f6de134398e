<?cs #
  pages/admin/users.cs: GET /admin/users, the administrators' desk, inside layout.cs
  (cgi-bin/pages/admin.c). Also shown again, with P.Error, when an action was refused.
  Reads:
    P.Done                 roles | approve | reject | suspend | requeued (after a redirect)
    P.Error                why an action was refused (localized)
    P.Pending.N.Id Name CreditCode District Address ContactName ContactPhone (masked) CreatedAt,
      .Documents.M.Id/.Filename, .NoteError and .Note (a rejection without reasons)
    P.Q, P.UserCount, P.Users.N.Id Name Phone (masked) HasPassword Me Disabled Citizen AgencyRole
      AgencyId AgencyName AgencyStatus AgencyStatusLabel, .Roles.K.Name/.Label/.Has
    P.Dead.N.Id Kind Phone (masked) Attempts LastError DoneAt
  Every action is a POST form with the CSRF token; the search is a GET form.
?>
<p class="muted"><?cs var:L.admin.desk ?></p>
<h1><?cs var:L.admin.users_title ?></h1>
<p><a href="/admin/audit"><?cs var:L.admin.audit_link ?></a></p>

<?cs if:P.Done ?>
<div class="notice notice-ok" role="status"><p><strong><?cs var:L.admin.ok_prefix ?></strong> <?cs
  if:P.Done == "roles" ?><?cs var:L.admin.done_roles ?><?cs
  elif:P.Done == "approve" ?><?cs var:L.admin.done_approve ?><?cs
  elif:P.Done == "reject" ?><?cs var:L.admin.done_reject ?><?cs
  elif:P.Done == "suspend" ?><?cs var:L.admin.done_suspend ?><?cs
  else ?><?cs var:L.admin.done_requeued ?><?cs /if ?></p></div>
<?cs /if ?>
<?cs if:P.Error ?>
<div class="notice notice-error" role="alert"><p><strong><?cs var:L.admin.error_prefix ?></strong> <?cs var:P.Error ?></p></div>
<?cs /if ?>

<section class="console-section" id="pending" aria-labelledby="pending-heading">
  <h2 id="pending-heading"><?cs var:L.admin.pending_heading ?></h2>
  <?cs if:subcount(P.Pending) > 0 ?>
  <p class="muted"><?cs var:L.admin.pending_hint ?></p>
  <ul class="course-grid">
  <?cs each:a = P.Pending ?>
  <li><article class="card" aria-labelledby="agency-<?cs var:a.Id ?>">
    <h3 id="agency-<?cs var:a.Id ?>" class="card-title"><?cs var:a.Name ?></h3>
    <dl class="card-meta">
      <div><dt><?cs var:L.admin.submitted ?></dt><dd><?cs var:a.CreatedAt ?></dd></div>
      <div><dt><?cs var:L.admin.credit_code ?></dt><dd><code><?cs var:a.CreditCode ?></code></dd></div>
      <div><dt><?cs var:L.admin.district ?></dt><dd><?cs var:a.District ?></dd></div>
      <div><dt><?cs var:L.admin.address ?></dt><dd><?cs var:a.Address ?></dd></div>
      <div><dt><?cs var:L.admin.contact ?></dt><dd><?cs var:a.ContactName ?></dd></div>
      <div><dt><?cs var:L.admin.phone ?></dt><dd><?cs var:a.ContactPhone ?></dd></div>
    </dl>
    <h4><?cs var:L.admin.documents ?></h4>
    <?cs if:subcount(a.Documents) > 0 ?>
    <ul>
      <?cs each:d = a.Documents ?><li><a href="/agency/documents/<?cs var:d.Id ?>" download><?cs var:d.Filename ?></a></li><?cs /each ?>
    </ul>
    <?cs else ?><p><?cs var:L.admin.documents_none ?></p><?cs /if ?>
    <form class="form" method="post" action="/admin/agencies/<?cs var:a.Id ?>/decide">
      <?cs call:csrf_field() ?>
      <input type="hidden" name="decision" value="approve">
      <button class="btn btn-primary" type="submit"><?cs var:L.admin.approve ?><span class="visually-hidden"> <?cs var:a.Name ?></span></button>
    </form>
    <form class="form" method="post" action="/admin/agencies/<?cs var:a.Id ?>/decide">
      <?cs call:csrf_field() ?>
      <input type="hidden" name="decision" value="reject">
      <div class="field<?cs if:a.NoteError ?> has-error<?cs /if ?>">
        <label for="note-<?cs var:a.Id ?>"><?cs var:L.admin.reject_reasons ?></label>
        <p class="field-hint" id="note-hint-<?cs var:a.Id ?>"><?cs var:L.admin.reject_reasons_hint ?></p>
        <?cs if:a.NoteError ?><?cs call:field_error_id("note-error-" + a.Id, a.NoteError) ?><?cs /if ?>
        <textarea id="note-<?cs var:a.Id ?>" name="note" rows="3" maxlength="500"
                  aria-describedby="note-hint-<?cs var:a.Id ?><?cs if:a.NoteError ?> note-error-<?cs var:a.Id ?><?cs /if ?>"<?cs
                  if:a.NoteError ?> aria-invalid="true"<?cs /if ?>><?cs var:a.Note ?></textarea>
      </div>
      <button class="btn btn-danger" type="submit"><?cs var:L.admin.reject ?><span class="visually-hidden"> <?cs var:a.Name ?></span></button>
    </form>
  </article></li>
  <?cs /each ?>
  </ul>
  <?cs else ?>
  <p class="empty-state"><?cs var:L.admin.pending_none ?></p>
  <?cs /if ?>
</section>

<section class="console-section" id="users" aria-labelledby="users-heading">
  <h2 id="users-heading"><?cs var:L.admin.search_heading ?></h2>
  <form class="search search-large" role="search" aria-labelledby="users-heading" action="/admin/users" method="get">
    <label for="user-q"><?cs var:L.admin.search_label ?></label>
    <div class="search-row">
      <input type="search" id="user-q" name="q" value="<?cs var:P.Q ?>" maxlength="50">
      <button type="submit" class="btn btn-primary"><?cs var:L.admin.search_button ?></button>
    </div>
  </form>
  <?cs if:string.length(P.Q) > 0 ?>
  <?cs if:#P.UserCount > 0 ?>
  <p><?cs var:L.admin.results_pre ?> <strong><?cs var:P.UserCount ?></strong> <?cs var:L.admin.results_post ?></p>
  <table class="table table-stack">
    <caption class="visually-hidden"><?cs var:L.admin.search_heading ?></caption>
    <thead><tr>
      <th scope="col"><?cs var:L.admin.user ?></th>
      <th scope="col"><?cs var:L.admin.phone ?></th>
      <th scope="col"><?cs var:L.admin.agency ?></th>
      <th scope="col"><?cs var:L.admin.roles ?></th>
    </tr></thead>
    <tbody>
    <?cs each:u = P.Users ?>
    <tr>
      <td data-label="<?cs var:L.admin.user ?>"><div><?cs var:u.Name ?><?cs if:u.Me == 1 ?> <?cs var:L.admin.you ?><?cs /if ?><?cs
        if:u.Disabled == 1 ?> <?cs call:badge("info", L.admin.disabled) ?><?cs /if ?></div></td>
      <td data-label="<?cs var:L.admin.phone ?>"><div><?cs var:u.Phone ?></div></td>
      <td data-label="<?cs var:L.admin.agency ?>"><div><?cs if:string.length(u.AgencyId) > 0 ?><?cs var:u.AgencyName ?>
        <?cs call:badge("info", u.AgencyStatusLabel) ?>
        <?cs if:u.AgencyStatus == "approved" ?>
        <form method="post" action="/admin/agencies/<?cs var:u.AgencyId ?>/decide">
          <?cs call:csrf_field() ?><input type="hidden" name="decision" value="suspend"><input type="hidden" name="q" value="<?cs var:P.Q ?>">
          <button class="btn btn-danger" type="submit"><?cs var:L.admin.suspend ?><span class="visually-hidden"> <?cs var:u.AgencyName ?></span></button>
        </form>
        <?cs elif:u.AgencyStatus == "suspended" || u.AgencyStatus == "rejected" ?>
        <form method="post" action="/admin/agencies/<?cs var:u.AgencyId ?>/decide">
          <?cs call:csrf_field() ?><input type="hidden" name="decision" value="approve"><input type="hidden" name="q" value="<?cs var:P.Q ?>">
          <button class="btn" type="submit"><?cs var:L.admin.reinstate ?><span class="visually-hidden"> <?cs var:u.AgencyName ?></span></button>
        </form>
        <?cs /if ?>
        <?cs else ?><?cs var:L.admin.no_agency ?><?cs /if ?></div></td>
      <td data-label="<?cs var:L.admin.roles ?>"><div>
        <ul class="role-list">
          <?cs if:u.Citizen == 1 ?><li><?cs var:L.admin.role_citizen ?></li><?cs /if ?>
          <?cs if:u.AgencyRole == 1 ?><li><?cs var:L.admin.role_agency ?></li><?cs /if ?>
          <?cs each:r = u.Roles ?>
          <?cs if:r.Has == 1 ?>
          <li>
            <strong><?cs var:r.Label ?></strong>
            <?cs if:u.Me == 1 && r.Name == "admin" ?>
            <span class="muted"><?cs var:L.admin.own_admin_kept ?></span>
            <?cs else ?>
            <form method="post" action="/admin/users/<?cs var:u.Id ?>/roles">
              <?cs call:csrf_field() ?><input type="hidden" name="role" value="<?cs var:r.Name ?>"><input type="hidden" name="op" value="revoke"><input type="hidden" name="q" value="<?cs var:P.Q ?>">
              <button class="btn" type="submit"><?cs var:L.admin.revoke ?> <?cs var:r.Label ?><span class="visually-hidden"> <?cs var:u.Name ?></span></button>
            </form>
            <?cs /if ?>
          </li>
          <?cs elif:u.HasPassword == 1 ?>
          <li>
            <form method="post" action="/admin/users/<?cs var:u.Id ?>/roles">
              <?cs call:csrf_field() ?><input type="hidden" name="role" value="<?cs var:r.Name ?>"><input type="hidden" name="op" value="grant"><input type="hidden" name="q" value="<?cs var:P.Q ?>">
              <button class="btn" type="submit"><?cs var:L.admin.grant ?> <?cs var:r.Label ?><span class="visually-hidden"> <?cs var:u.Name ?></span></button>
            </form>
          </li>
          <?cs /if ?>
          <?cs /each ?>
        </ul>
        <?cs if:u.HasPassword != 1 ?><p class="muted"><?cs var:L.admin.no_password ?></p><?cs /if ?>
      </div></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="empty-state"><?cs var:L.admin.no_results ?></p>
  <?cs /if ?>
  <?cs /if ?>
</section>

<section class="console-section" id="dead" aria-labelledby="dead-heading">
  <h2 id="dead-heading"><?cs var:L.admin.dead_heading ?></h2>
  <p class="muted"><?cs var:L.admin.dead_hint ?></p>
  <?cs if:subcount(P.Dead) > 0 ?>
  <table class="table table-stack">
    <caption class="visually-hidden"><?cs var:L.admin.dead_caption ?></caption>
    <thead><tr>
      <th scope="col"><?cs var:L.admin.kind ?></th>
      <th scope="col"><?cs var:L.admin.recipient ?></th>
      <th scope="col"><?cs var:L.admin.attempts ?></th>
      <th scope="col"><?cs var:L.admin.last_error ?></th>
      <th scope="col"><?cs var:L.admin.failed_at ?></th>
      <th scope="col"><?cs var:L.admin.requeue ?></th>
    </tr></thead>
    <tbody>
    <?cs each:d = P.Dead ?>
    <tr>
      <td data-label="<?cs var:L.admin.kind ?>"><div><?cs var:d.Kind ?></div></td>
      <td data-label="<?cs var:L.admin.recipient ?>"><div><?cs var:d.Phone ?></div></td>
      <td data-label="<?cs var:L.admin.attempts ?>"><div><?cs var:d.Attempts ?></div></td>
      <td data-label="<?cs var:L.admin.last_error ?>"><div><?cs var:d.LastError ?></div></td>
      <td data-label="<?cs var:L.admin.failed_at ?>"><div><?cs var:d.DoneAt ?></div></td>
      <td data-label="<?cs var:L.admin.requeue ?>"><div>
        <form method="post" action="/admin/outbox/<?cs var:d.Id ?>/retry">
          <?cs call:csrf_field() ?>
          <button class="btn" type="submit"><?cs var:L.admin.requeue ?><span class="visually-hidden"> <?cs var:d.Kind ?> <?cs var:d.Id ?></span></button>
        </form>
      </div></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="empty-state"><?cs var:L.admin.dead_none ?></p>
  <?cs /if ?>
</section>
