<?cs #
  pages/admin/audit.cs: GET /admin/audit, the latest audit rows, inside layout.cs
  (cgi-bin/pages/admin_audit.c).
  Reads:
    P.Filter.action / .object_type / .object_id   the filters in force ("" for none)
    P.Count, P.Limit
    P.Rows.N.Id At Actor ActorId Action ObjectType ObjectId Detail (JSON text) Ip RequestId
?>
<p class="muted"><?cs var:L.admin.desk ?></p>
<h1><?cs var:L.admin.audit_title ?></h1>
<p><a href="/admin/users"><?cs var:L.admin.users_link ?></a></p>

<form class="form" method="get" action="/admin/audit" aria-labelledby="audit-filter">
  <h2 id="audit-filter"><?cs var:L.admin.audit_filter ?></h2>
  <div class="field">
    <label for="action"><?cs var:L.admin.audit_action ?></label>
    <p class="field-hint" id="action-hint"><?cs var:L.admin.audit_action_hint ?></p>
    <input id="action" name="action" type="text" class="input-short" value="<?cs var:P.Filter.action ?>" maxlength="60" aria-describedby="action-hint" spellcheck="false">
  </div>
  <div class="field">
    <label for="object_type"><?cs var:L.admin.audit_object_type ?></label>
    <p class="field-hint" id="object_type-hint"><?cs var:L.admin.audit_object_type_hint ?></p>
    <input id="object_type" name="object_type" type="text" class="input-short" value="<?cs var:P.Filter.object_type ?>" maxlength="40" aria-describedby="object_type-hint" spellcheck="false">
  </div>
  <div class="field">
    <label for="object_id"><?cs var:L.admin.audit_object_id ?></label>
    <input id="object_id" name="object_id" type="text" inputmode="numeric" class="input-short" value="<?cs var:P.Filter.object_id ?>" maxlength="12">
  </div>
  <div class="form-actions">
    <button class="btn btn-primary" type="submit"><?cs var:L.admin.audit_apply ?></button>
    <a href="/admin/audit"><?cs var:L.admin.audit_clear ?></a>
  </div>
</form>

<section class="console-section" aria-labelledby="audit-rows">
  <h2 id="audit-rows"><?cs var:L.admin.audit_count_pre ?> <?cs var:P.Count ?> <?cs var:L.admin.audit_count_post ?></h2>
  <?cs if:#P.Count > 0 ?>
  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="audit-rows">
  <table class="table">
    <caption class="visually-hidden"><?cs var:L.admin.audit_caption ?></caption>
    <thead><tr>
      <th scope="col"><?cs var:L.admin.at ?></th>
      <th scope="col"><?cs var:L.admin.actor ?></th>
      <th scope="col"><?cs var:L.admin.audit_action ?></th>
      <th scope="col"><?cs var:L.admin.object ?></th>
      <th scope="col"><?cs var:L.admin.detail ?></th>
      <th scope="col"><?cs var:L.admin.ip ?></th>
      <th scope="col"><?cs var:L.admin.request_id ?></th>
    </tr></thead>
    <tbody>
    <?cs each:r = P.Rows ?>
    <tr>
      <td class="nowrap"><?cs var:r.At ?></td>
      <td><?cs if:string.length(r.ActorId) > 0 ?><?cs var:r.Actor ?> #<?cs var:r.ActorId ?><?cs else ?><?cs var:L.admin.system ?><?cs /if ?></td>
      <td><code><?cs var:r.Action ?></code></td>
      <td><?cs var:r.ObjectType ?><?cs if:string.length(r.ObjectId) > 0 ?> #<?cs var:r.ObjectId ?><?cs /if ?></td>
      <td><code class="audit-detail"><?cs var:r.Detail ?></code></td>
      <td><?cs var:r.Ip ?></td>
      <td><code><?cs var:r.RequestId ?></code></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs else ?>
  <p class="empty-state"><?cs var:L.admin.audit_none ?></p>
  <?cs /if ?>
</section>
