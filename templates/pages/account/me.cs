<?cs #
  pages/account/me.cs: GET /me, the learner's own account, and every form on it (each posts to
  its own /me/… route and comes back here, with P.Errors.<Section> and P.Form.* when refused).
  Reads P.Me.Name/.Phone (the owner's own, in full)/.RealName/.IdMasked (masked)/.RegionId/
  .Region/.HasPassword/.Roles/.AgencyId/.AgencyName/.AgencyStatus/.HasTotp/.RecoveryLeft,
  P.Regions.N.Id/.Level/.Name, P.Sessions.N.Id/.Created/.LastSeen/.Agent/.Ip/.Method/.Current,
  P.Family.N.Id/.Relation/.IAmCarer/.Name/.Phone (masked)/.Since, P.Relations.N.Value/.Label,
  P.NeedCurrentPassword, P.IsStaff, P.IsAdmin, P.Welcome, P.RecoveryLeftNotice, P.Done,
  P.Errors.Name/.Region/.RealName/.IdCard/.Password/.Family/.RetryAt, P.Form.*.
?>
<h1><?cs var:L.account.me.title ?></h1>
<?cs if:P.Welcome == 1 ?><p class="notice notice-ok" role="status"><?cs var:L.account.me.welcome ?></p><?cs /if ?>
<?cs if:string.length(P.Done) > 0 ?><p class="notice notice-ok" role="status"><?cs var:P.Done ?></p><?cs /if ?>
<?cs if:string.length(P.RecoveryLeftNotice) > 0 ?><p class="notice notice-warn" role="status"><?cs var:L.account.me.recovery_left_pre ?> <?cs var:P.RecoveryLeftNotice ?> <?cs var:L.account.me.recovery_left_post ?></p><?cs /if ?>

<section class="me-section" aria-labelledby="me-profile">
  <h2 id="me-profile"><?cs var:L.account.me.profile_heading ?></h2>
  <dl class="facts">
    <dt><?cs var:L.account.me.phone_label ?></dt><dd><?cs var:P.Me.Phone ?></dd>
  </dl>
  <form class="form" action="/me/profile" method="post" novalidate>
    <?cs call:csrf_field() ?>
    <div class="field<?cs if:string.length(P.Errors.Name) > 0 ?> has-error<?cs /if ?>">
      <label for="me-name"><?cs var:L.account.me.name_label ?></label>
      <?cs if:string.length(P.Errors.Name) > 0 ?><?cs call:field_error_id("me-name-error", P.Errors.Name) ?><?cs /if ?>
      <input type="text" id="me-name" name="name" value="<?cs if:string.length(P.Form.name) > 0 ?><?cs var:P.Form.name ?><?cs else ?><?cs var:P.Me.Name ?><?cs /if ?>" maxlength="20" autocomplete="nickname"<?cs if:string.length(P.Errors.Name) > 0 ?> aria-invalid="true" aria-describedby="me-name-error"<?cs /if ?>>
    </div>
    <div class="field<?cs if:string.length(P.Errors.Region) > 0 ?> has-error<?cs /if ?>">
      <label for="me-region"><?cs var:L.account.me.region_label ?></label>
      <p class="field-hint" id="me-region-hint"><?cs var:L.account.me.region_hint ?></p>
      <?cs if:string.length(P.Errors.Region) > 0 ?><?cs call:field_error_id("me-region-error", P.Errors.Region) ?><?cs /if ?>
      <select id="me-region" name="region" aria-describedby="me-region-hint<?cs if:string.length(P.Errors.Region) > 0 ?> me-region-error<?cs /if ?>">
        <option value=""><?cs var:L.account.me.region_none ?></option>
        <?cs each:r = P.Regions ?><?cs if:r.Level == "district" ?><?cs if:name(r) != "0" ?></optgroup><?cs /if ?><optgroup label="<?cs var:r.Name ?>"><option value="<?cs var:r.Id ?>"<?cs if:r.Id == P.Me.RegionId ?> selected<?cs /if ?>><?cs var:r.Name ?><?cs var:L.account.me.region_whole_district ?></option><?cs else ?><option value="<?cs var:r.Id ?>"<?cs if:r.Id == P.Me.RegionId ?> selected<?cs /if ?>><?cs var:r.Name ?></option><?cs /if ?><?cs if:last(r) ?></optgroup><?cs /if ?><?cs /each ?>
      </select>
    </div>
    <div class="form-actions"><button type="submit" class="btn btn-primary"><?cs var:L.account.me.save ?></button></div>
  </form>
</section>

<section class="me-section" aria-labelledby="me-realname">
  <h2 id="me-realname"><?cs var:L.account.me.realname_heading ?></h2>
  <?cs if:string.length(P.Me.IdMasked) > 0 ?>
  <dl class="facts">
    <dt><?cs var:L.account.me.real_name_label ?></dt><dd><?cs var:P.Me.RealName ?> <?cs call:badge("ok", L.account.me.realname_done) ?></dd>
    <dt><?cs var:L.account.me.idcard_label ?></dt><dd><?cs var:P.Me.IdMasked ?></dd>
  </dl>
  <?cs else ?>
  <p><?cs var:L.account.me.realname_intro ?></p>
  <form class="form" action="/me/realname" method="post" novalidate>
    <?cs call:csrf_field() ?>
    <div class="field<?cs if:string.length(P.Errors.RealName) > 0 ?> has-error<?cs /if ?>">
      <label for="me-real-name"><?cs var:L.account.me.real_name_label ?></label>
      <?cs if:string.length(P.Errors.RealName) > 0 ?><?cs call:field_error_id("me-real-name-error", P.Errors.RealName) ?><?cs /if ?>
      <input type="text" id="me-real-name" name="real_name" value="<?cs var:P.Form.real_name ?>" maxlength="20" autocomplete="name"<?cs if:string.length(P.Errors.RealName) > 0 ?> aria-invalid="true" aria-describedby="me-real-name-error"<?cs /if ?>>
    </div>
    <div class="field<?cs if:string.length(P.Errors.IdCard) > 0 ?> has-error<?cs /if ?>">
      <label for="me-idcard"><?cs var:L.account.me.idcard_label ?></label>
      <p class="field-hint" id="me-idcard-hint"><?cs var:L.account.me.idcard_hint ?></p>
      <?cs if:string.length(P.Errors.IdCard) > 0 ?><?cs call:field_error_id("me-idcard-error", P.Errors.IdCard) ?><?cs /if ?>
      <input type="text" id="me-idcard" name="idcard" value="" maxlength="18" autocomplete="off" spellcheck="false" aria-describedby="me-idcard-hint<?cs if:string.length(P.Errors.IdCard) > 0 ?> me-idcard-error<?cs /if ?>"<?cs if:string.length(P.Errors.IdCard) > 0 ?> aria-invalid="true"<?cs /if ?>>
    </div>
    <div class="form-actions"><button type="submit" class="btn btn-primary"><?cs var:L.account.me.realname_submit ?></button></div>
  </form>
  <?cs /if ?>
</section>

<?cs if:string.length(P.Me.AgencyId) > 0 ?>
<section class="me-section" aria-labelledby="me-agency">
  <h2 id="me-agency"><?cs var:L.account.me.agency_heading ?></h2>
  <p><?cs var:P.Me.AgencyName ?></p>
  <p><a class="btn btn-secondary" href="/agency"><?cs var:L.account.me.agency_link ?></a></p>
</section>
<?cs /if ?>

<section class="me-section" aria-labelledby="me-password">
  <h2 id="me-password"><?cs var:L.account.me.password_heading ?></h2>
  <p><?cs var:L.account.me.password_intro ?></p>
  <p><?cs if:P.Me.HasPassword == "t" ?><?cs var:L.account.me.password_set ?><?cs else ?><?cs var:L.account.me.password_unset ?><?cs /if ?></p>
  <form class="form" action="/me/password" method="post" novalidate>
    <?cs call:csrf_field() ?>
    <?cs if:string.length(P.Errors.Password) > 0 ?><div class="field has-error"><?cs call:field_error_id("me-password-error", P.Errors.Password) ?></div><?cs /if ?>
    <?cs if:P.Me.HasPassword == "t" && P.NeedCurrentPassword == 1 ?>
    <div class="field">
      <label for="me-current-password"><?cs var:L.account.me.current_password ?></label>
      <input type="password" id="me-current-password" name="current_password" autocomplete="current-password" maxlength="256">
    </div>
    <?cs /if ?>
    <div class="field">
      <label for="me-new-password"><?cs var:L.account.me.new_password ?></label>
      <p class="field-hint" id="me-new-password-hint"><?cs var:L.account.me.new_password_hint ?></p>
      <input type="password" id="me-new-password" name="new_password" autocomplete="new-password" maxlength="256" aria-describedby="me-new-password-hint">
    </div>
    <div class="field">
      <label for="me-new-password2"><?cs var:L.account.me.new_password2 ?></label>
      <input type="password" id="me-new-password2" name="new_password2" autocomplete="new-password" maxlength="256">
    </div>
    <div class="form-actions"><button type="submit" class="btn btn-primary"><?cs var:L.account.me.password_submit ?></button></div>
  </form>
</section>

<section class="me-section" aria-labelledby="me-family">
  <h2 id="me-family"><?cs var:L.account.me.family_heading ?></h2>
  <p><?cs var:L.account.me.family_intro ?></p>
  <?cs if:subcount(P.Family) == 0 ?><p><?cs var:L.account.me.family_none ?></p><?cs /if ?>
  <?cs if:subcount(P.Family) > 0 ?>
  <ul class="family-list">
    <?cs each:f = P.Family ?>
    <li>
      <strong><?cs var:f.Name ?></strong> <?cs var:f.Phone ?> ·
      <?cs if:f.IAmCarer == "t" ?><?cs var:L.account.me.family_helping ?><?cs else ?><?cs var:L.account.me.family_helpers ?><?cs /if ?>
      (<?cs var:f.Relation ?>) · <?cs var:L.account.me.family_since ?> <?cs var:f.Since ?>
      <form class="inline-form" action="/me/family/<?cs var:f.Id ?>/revoke" method="post">
        <?cs call:csrf_field() ?>
        <button type="submit" class="btn btn-danger"><?cs var:L.account.me.family_revoke ?></button>
      </form>
    </li>
    <?cs /each ?>
  </ul>
  <?cs /if ?>
  <h3><?cs var:L.account.me.family_add_heading ?></h3>
  <form class="form" action="/me/family" method="post" novalidate>
    <?cs call:csrf_field() ?>
    <?cs if:string.length(P.Errors.Family) > 0 ?><div class="field has-error"><p class="field-error" id="me-family-error"><span class="field-error-prefix"><?cs var:L.common.error_prefix ?></span><?cs var:P.Errors.Family ?><?cs if:string.length(P.Errors.RetryAt) > 0 ?> <?cs var:L.account.retry_pre ?> <?cs var:P.Errors.RetryAt ?> <?cs var:L.account.retry_post ?><?cs /if ?></p></div><?cs /if ?>
    <div class="field">
      <label for="me-elder-phone"><?cs var:L.account.me.elder_phone ?></label>
      <input type="tel" id="me-elder-phone" name="elder_phone" value="<?cs var:P.Form.elder_phone ?>" class="input-short" inputmode="numeric" maxlength="20"<?cs if:string.length(P.Errors.Family) > 0 ?> aria-describedby="me-family-error"<?cs /if ?>>
    </div>
    <div class="field">
      <label for="me-elder-name"><?cs var:L.account.me.elder_name ?></label>
      <p class="field-hint" id="me-elder-name-hint"><?cs var:L.account.me.elder_name_hint ?></p>
      <input type="text" id="me-elder-name" name="elder_name" value="<?cs var:P.Form.elder_name ?>" maxlength="20" aria-describedby="me-elder-name-hint">
    </div>
    <fieldset>
      <legend><?cs var:L.account.me.relation ?></legend>
      <ul class="choices">
        <?cs each:r = P.Relations ?>
        <li class="choice"><input type="radio" id="me-rel-<?cs var:r.Value ?>" name="relation" value="<?cs var:r.Value ?>"<?cs if:r.Value == P.Form.relation ?> checked<?cs /if ?>><label for="me-rel-<?cs var:r.Value ?>"><?cs var:r.Label ?></label></li>
        <?cs /each ?>
      </ul>
    </fieldset>
    <div class="form-actions"><button type="submit" class="btn btn-secondary"><?cs var:L.account.me.family_submit ?></button></div>
  </form>
</section>

<section class="me-section" aria-labelledby="me-sessions">
  <h2 id="me-sessions"><?cs var:L.account.me.sessions_heading ?></h2>
  <p><?cs var:L.account.me.sessions_intro ?></p>
  <div class="table-wrap">
    <table class="table table-stack">
      <thead><tr>
        <th scope="col"><?cs var:L.account.me.session_agent ?></th>
        <th scope="col"><?cs var:L.account.me.session_created ?></th>
        <th scope="col"><?cs var:L.account.me.session_seen ?></th>
        <th scope="col"><?cs var:L.account.me.session_ip ?></th>
        <th scope="col"><span class="visually-hidden"><?cs var:L.account.me.session_end ?></span></th>
      </tr></thead>
      <tbody>
        <?cs each:s = P.Sessions ?>
        <tr>
          <td data-label="<?cs var:L.account.me.session_agent ?>"><div><?cs var:s.Agent ?><?cs if:s.Current == "t" ?> <?cs call:badge("info", L.account.me.session_current) ?><?cs /if ?></div></td>
          <td data-label="<?cs var:L.account.me.session_created ?>"><div><?cs var:s.Created ?></div></td>
          <td data-label="<?cs var:L.account.me.session_seen ?>"><div><?cs var:s.LastSeen ?></div></td>
          <td data-label="<?cs var:L.account.me.session_ip ?>"><div><?cs var:s.Ip ?></div></td>
          <td data-label="<?cs var:L.account.me.session_end ?>"><div><form class="inline-form" action="/me/sessions/<?cs var:s.Id ?>/end" method="post"><?cs call:csrf_field() ?><button type="submit" class="btn btn-secondary"><?cs var:L.account.me.session_end ?></button></form></div></td>
        </tr>
        <?cs /each ?>
      </tbody>
    </table>
  </div>
  <form action="/me/sessions/end-all" method="post">
    <?cs call:csrf_field() ?>
    <button type="submit" class="btn btn-danger"><?cs var:L.account.me.end_all ?></button>
  </form>
</section>

<?cs if:P.IsStaff == 1 ?>
<section class="me-section" aria-labelledby="me-staff">
  <h2 id="me-staff"><?cs var:L.account.me.staff_heading ?></h2>
  <?cs if:P.Me.HasTotp == "t" ?><p><?cs var:L.account.me.staff_totp ?></p><?cs /if ?>
  <p><?cs var:L.account.me.staff_recovery_pre ?> <?cs var:P.Me.RecoveryLeft ?></p>
  <?cs if:P.IsAdmin == 1 ?><p><a class="btn btn-secondary" href="/admin/users"><?cs var:L.account.me.admin_link ?></a> <a class="btn btn-secondary" href="/admin/audit"><?cs var:L.account.me.audit_link ?></a></p><?cs /if ?>
</section>
<?cs /if ?>

<?cs if:string.length(P.Me.AgencyId) == 0 ?>
<section class="me-section" aria-labelledby="me-agency-register">
  <h2 id="me-agency-register"><?cs var:L.account.me.agency_register ?></h2>
  <p><?cs var:L.account.me.agency_register_intro ?></p>
  <p><a href="/agency/register"><?cs var:L.account.me.agency_register ?></a></p>
</section>
<?cs /if ?>
