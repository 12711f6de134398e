<?cs #
  pages/agency/register.cs: GET,POST /agency/register (P.Mode "register") and GET,POST /agency/edit
  (P.Mode "edit"): an agency's details, inside layout.cs (cgi-bin/pages/agency_register.c).
  Reads:
    P.Mode                      register | edit
    P.Form.<field>              what was typed (never the passwords)
    P.Errors.<field>            a localized message per field with an error
    P.ErrorList.N.Field/.Message  the same, in order, for the summary
    P.ErrorFile                 the name of the file that was refused
    P.Districts.N.Id/.Name/.Selected
    P.DocField                  the file input's name
    P.PasswordMin               the shortest password allowed
  Works without JavaScript: one multipart form, the files sent with the details.
?>
<?cs if:P.Mode == "edit" ?><?cs set:Tmp.Title = L.agency_console.edit_title ?><?cs else ?><?cs set:Tmp.Title = L.agency_console.register_title ?><?cs /if ?>
<h1><?cs var:Tmp.Title ?></h1>
<p class="lead prose"><?cs if:P.Mode == "edit" ?><?cs var:L.agency_console.edit_lead ?><?cs else ?><?cs var:L.agency_console.register_lead ?><?cs /if ?></p>

<?cs call:error_summary(L.agency_console.errors_pre, L.agency_console.errors_post) ?>

<?cs def:text_field(id, label, hint, value, type, extra) ?>
  <div class="field<?cs if:P.Errors[id] ?> has-error<?cs /if ?>">
    <label for="<?cs var:id ?>"><?cs var:label ?> <span class="req"><?cs var:L.agency_console.required_mark ?></span></label>
    <?cs if:hint ?><p class="field-hint" id="<?cs var:id ?>-hint"><?cs var:hint ?></p><?cs /if ?>
    <?cs if:P.Errors[id] ?><?cs call:field_error_id(id + "-error", P.Errors[id]) ?><?cs /if ?>
    <input id="<?cs var:id ?>" name="<?cs var:id ?>" type="<?cs var:type ?>" value="<?cs var:value ?>" required<?cs
      if:P.Errors[id] ?> aria-invalid="true"<?cs /if ?><?cs
      if:hint || P.Errors[id] ?> aria-describedby="<?cs if:hint ?><?cs var:id ?>-hint<?cs /if ?><?cs if:P.Errors[id] ?> <?cs var:id ?>-error<?cs /if ?>"<?cs /if ?><?cs
      if:extra == "phone" ?> class="input-short" autocomplete="tel" inputmode="tel"<?cs
      elif:extra == "code" ?> class="input-short" autocapitalize="characters" spellcheck="false" maxlength="30"<?cs
      elif:extra == "name" ?> autocomplete="organization" maxlength="100"<?cs
      elif:extra == "person" ?> class="input-short" autocomplete="name" maxlength="50"<?cs
      elif:extra == "address" ?> autocomplete="street-address" maxlength="200"<?cs /if ?>>
  </div>
<?cs /def ?>

<form class="form" method="post" action="/agency/<?cs if:P.Mode == "edit" ?>edit<?cs else ?>register<?cs /if ?>"<?cs
  if:P.Mode != "edit" ?> enctype="multipart/form-data"<?cs /if ?>>
  <?cs call:csrf_field() ?>
  <fieldset>
    <legend><?cs var:L.agency_console.section_agency ?></legend>
    <?cs call:text_field("agency_name", L.agency_console.name, L.agency_console.name_hint, P.Form.agency_name, "text", "name") ?>
    <?cs call:text_field("credit_code", L.agency_console.credit_code, L.agency_console.credit_code_hint, P.Form.credit_code, "text", "code") ?>
    <div class="field<?cs if:P.Errors.district ?> has-error<?cs /if ?>">
      <label for="district"><?cs var:L.agency_console.district ?> <span class="req"><?cs var:L.agency_console.required_mark ?></span></label>
      <?cs if:P.Errors.district ?><?cs call:field_error_id("district-error", P.Errors.district) ?><?cs /if ?>
      <select id="district" name="district" class="input-short" required<?cs if:P.Errors.district ?> aria-invalid="true" aria-describedby="district-error"<?cs /if ?>>
        <option value=""><?cs var:L.agency_console.district_choose ?></option>
        <?cs each:d = P.Districts ?>
        <option value="<?cs var:d.Id ?>"<?cs if:d.Selected == 1 ?> selected<?cs /if ?>><?cs var:d.Name ?></option>
        <?cs /each ?>
      </select>
    </div>
    <?cs call:text_field("address", L.agency_console.address, "", P.Form.address, "text", "address") ?>
    <?cs call:text_field("contact_name", L.agency_console.contact_name, "", P.Form.contact_name, "text", "person") ?>
    <?cs call:text_field("contact_phone", L.agency_console.contact_phone, L.agency_console.contact_phone_hint, P.Form.contact_phone, "tel", "phone") ?>
    <div class="field<?cs if:P.Errors.intro ?> has-error<?cs /if ?>">
      <label for="intro"><?cs var:L.agency_console.intro ?> <span class="req"><?cs var:L.agency_console.required_mark ?></span></label>
      <p class="field-hint" id="intro-hint"><?cs var:L.agency_console.intro_hint ?></p>
      <?cs if:P.Errors.intro ?><?cs call:field_error_id("intro-error", P.Errors.intro) ?><?cs /if ?>
      <textarea id="intro" name="intro" rows="6" maxlength="1000" required aria-describedby="intro-hint<?cs if:P.Errors.intro ?> intro-error<?cs /if ?>"<?cs
        if:P.Errors.intro ?> aria-invalid="true"<?cs /if ?>><?cs var:P.Form.intro ?></textarea>
    </div>
  </fieldset>

  <?cs if:P.Mode != "edit" ?>
  <fieldset>
    <legend><?cs var:L.agency_console.section_account ?></legend>
    <p class="field-hint"><?cs var:L.agency_console.section_account_hint ?></p>
    <div class="field<?cs if:P.Errors.password ?> has-error<?cs /if ?>">
      <label for="password"><?cs var:L.agency_console.password ?> <span class="req"><?cs var:L.agency_console.required_mark ?></span></label>
      <p class="field-hint" id="password-hint"><?cs var:L.agency_console.password_hint_pre ?> <?cs var:P.PasswordMin ?> <?cs var:L.agency_console.password_hint_post ?></p>
      <?cs if:P.Errors.password ?><?cs call:field_error_id("password-error", P.Errors.password) ?><?cs /if ?>
      <input id="password" name="password" type="password" class="input-short" autocomplete="new-password" required minlength="<?cs var:P.PasswordMin ?>"
             aria-describedby="password-hint<?cs if:P.Errors.password ?> password-error<?cs /if ?>"<?cs if:P.Errors.password ?> aria-invalid="true"<?cs /if ?>>
    </div>
    <div class="field<?cs if:P.Errors.password2 ?> has-error<?cs /if ?>">
      <label for="password2"><?cs var:L.agency_console.password2 ?> <span class="req"><?cs var:L.agency_console.required_mark ?></span></label>
      <?cs if:P.Errors.password2 ?><?cs call:field_error_id("password2-error", P.Errors.password2) ?><?cs /if ?>
      <input id="password2" name="password2" type="password" class="input-short" autocomplete="new-password" required<?cs
        if:P.Errors.password2 ?> aria-invalid="true" aria-describedby="password2-error"<?cs /if ?>>
    </div>
  </fieldset>

  <fieldset>
    <legend><?cs var:L.agency_console.section_documents ?></legend>
    <div class="field<?cs if:P.Errors[P.DocField] ?> has-error<?cs /if ?>">
      <label for="<?cs var:P.DocField ?>"><?cs var:L.agency_console.document ?> <span class="req"><?cs var:L.agency_console.required_mark ?></span></label>
      <p class="field-hint" id="document-hint"><?cs var:L.agency_console.document_hint ?></p>
      <?cs if:P.Errors[P.DocField] ?><p class="field-error" id="document-error"><span class="field-error-prefix"><?cs
        var:L.common.error_prefix ?></span><?cs var:P.Errors[P.DocField] ?><?cs if:string.length(P.ErrorFile) > 0 ?>
        <?cs var:L.agency_console.error_file ?> <?cs var:P.ErrorFile ?><?cs /if ?></p><?cs /if ?>
      <input id="<?cs var:P.DocField ?>" name="<?cs var:P.DocField ?>" type="file" multiple required
             accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
             aria-describedby="document-hint<?cs if:P.Errors[P.DocField] ?> document-error<?cs /if ?>"<?cs if:P.Errors[P.DocField] ?> aria-invalid="true"<?cs /if ?>>
    </div>
  </fieldset>
  <?cs /if ?>

  <div class="form-actions">
    <button class="btn btn-primary" type="submit"><?cs if:P.Mode == "edit" ?><?cs var:L.agency_console.submit_edit ?><?cs else ?><?cs var:L.agency_console.submit_register ?><?cs /if ?></button>
    <?cs if:P.Mode == "edit" ?><a href="/agency"><?cs var:L.agency_console.cancel ?></a><?cs else ?><a href="/"><?cs var:L.agency_console.cancel ?></a><?cs /if ?>
  </div>
</form>
