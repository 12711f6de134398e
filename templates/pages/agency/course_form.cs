<?cs #
  pages/agency/course_form.cs: GET,POST /agency/courses/new (P.Mode "new") and GET,POST
  /agency/courses/{id}/edit (P.Mode "edit"), inside layout.cs (cgi-bin/pages/agency_courses.c).
  Reads:
    P.Mode, P.CourseId, P.CourseTitle (edit), P.Live (1: the course has been listed)
    P.Form.title summary description credits hours outcomes   what was typed
    P.Categories.N.Id Name Selected, P.Audiences.N.Value Selected, P.Modes.N.Value Selected
    P.Errors.<field>, P.ErrorList.N.Field/.Message
    P.Preview.Html              the description rendered by md_render (safe HTML)
    P.CoverThumb                the current cover's thumbnail URL (edit)
    P.CoverField                the file input's name
  Works without JavaScript: one multipart form; "preview" re-shows it with the description
  rendered.
?>
<?cs if:P.Mode == "edit" ?><?cs set:Tmp.Action = "/agency/courses/" + P.CourseId + "/edit" ?><?cs
else ?><?cs set:Tmp.Action = "/agency/courses/new" ?><?cs /if ?>
<p class="muted"><a href="/agency/courses"><?cs var:L.agency_courses.list_title ?></a><?cs
  if:P.Mode == "edit" ?> › <a href="/agency/courses/<?cs var:P.CourseId ?>"><?cs var:P.CourseTitle ?></a><?cs /if ?></p>
<h1><?cs if:P.Mode == "edit" ?><?cs var:L.agency_courses.edit_title ?><?cs else ?><?cs var:L.agency_courses.new_title ?><?cs /if ?></h1>
<p class="lead prose"><?cs if:P.Mode == "edit" && P.Live == 1 ?><?cs var:L.agency_courses.edit_live_lead ?><?cs
  elif:P.Mode == "edit" ?><?cs var:L.agency_courses.edit_draft_lead ?><?cs else ?><?cs var:L.agency_courses.new_lead ?><?cs /if ?></p>

<?cs call:error_summary(L.agency_courses.errors_pre, L.agency_courses.errors_post) ?>

<?cs if:P.Preview.Html ?>
<section class="console-section" aria-labelledby="preview-title">
  <h2 id="preview-title"><?cs var:L.agency_courses.preview_title ?></h2>
  <div class="prose course-description"><?cs uvar:P.Preview.Html ?></div>
</section>
<?cs /if ?>

<?cs def:material_hint() ?><?cs if:P.Live == 1 ?><p class="field-hint"><?cs var:L.agency_courses.material_hint ?></p><?cs /if ?><?cs /def ?>

<?cs def:course_text(id, label, hint, value, max, required) ?>
  <div class="field<?cs if:P.Errors[id] ?> has-error<?cs /if ?>">
    <label for="<?cs var:id ?>"><?cs var:label ?><?cs if:required ?> <span class="req"><?cs var:L.agency_courses.required_mark ?></span><?cs /if ?></label>
    <?cs if:hint ?><p class="field-hint" id="<?cs var:id ?>-hint"><?cs var:hint ?></p><?cs /if ?>
    <?cs if:P.Errors[id] ?><?cs call:field_error_id(id + "-error", P.Errors[id]) ?><?cs /if ?>
    <input id="<?cs var:id ?>" name="<?cs var:id ?>" type="text" value="<?cs var:value ?>" maxlength="<?cs var:max ?>"<?cs
      if:required ?> required<?cs /if ?><?cs if:P.Errors[id] ?> aria-invalid="true"<?cs /if ?><?cs
      if:hint || P.Errors[id] ?> aria-describedby="<?cs if:hint ?><?cs var:id ?>-hint<?cs /if ?><?cs if:P.Errors[id] ?> <?cs var:id ?>-error<?cs /if ?>"<?cs /if ?>>
  </div>
<?cs /def ?>

<?cs def:course_area(id, label, hint, value, rows) ?>
  <div class="field<?cs if:P.Errors[id] ?> has-error<?cs /if ?>">
    <label for="<?cs var:id ?>"><?cs var:label ?></label>
    <p class="field-hint" id="<?cs var:id ?>-hint"><?cs var:hint ?></p>
    <?cs if:P.Errors[id] ?><?cs call:field_error_id(id + "-error", P.Errors[id]) ?><?cs /if ?>
    <textarea id="<?cs var:id ?>" name="<?cs var:id ?>" rows="<?cs var:rows ?>" aria-describedby="<?cs var:id ?>-hint<?cs if:P.Errors[id] ?> <?cs var:id ?>-error<?cs /if ?>"<?cs
      if:P.Errors[id] ?> aria-invalid="true"<?cs /if ?>><?cs var:value ?></textarea>
  </div>
<?cs /def ?>

<form class="form" method="post" action="<?cs var:Tmp.Action ?>" enctype="multipart/form-data">
  <?cs call:csrf_field() ?>
  <fieldset>
    <legend><?cs var:L.agency_courses.section_texts ?></legend>
    <?cs call:course_text("title", L.agency_courses.f_title, L.agency_courses.title_hint, P.Form.title, 80, 1) ?>
    <?cs call:course_text("summary", L.agency_courses.f_summary, L.agency_courses.summary_hint, P.Form.summary, 300, 1) ?>
    <?cs call:course_area("description", L.agency_courses.f_description, L.agency_courses.description_hint, P.Form.description, 12) ?>
    <?cs call:course_area("outcomes", L.agency_courses.f_outcomes, L.agency_courses.outcomes_hint, P.Form.outcomes, 5) ?>
  </fieldset>
  <fieldset>
    <legend><?cs var:L.agency_courses.section_facts ?></legend>
    <div class="field<?cs if:P.Errors.category ?> has-error<?cs /if ?>">
      <label for="category"><?cs var:L.agency_courses.f_category ?> <span class="req"><?cs var:L.agency_courses.required_mark ?></span></label>
      <?cs call:material_hint() ?>
      <?cs if:P.Errors.category ?><?cs call:field_error_id("category-error", P.Errors.category) ?><?cs /if ?>
      <select id="category" name="category" class="input-short" required<?cs if:P.Errors.category ?> aria-invalid="true" aria-describedby="category-error"<?cs /if ?>>
        <option value=""><?cs var:L.agency_courses.category_choose ?></option>
        <?cs each:c = P.Categories ?>
        <option value="<?cs var:c.Id ?>"<?cs if:c.Selected == 1 ?> selected<?cs /if ?>><?cs var:c.Name ?></option>
        <?cs /each ?>
      </select>
    </div>
    <div class="field<?cs if:P.Errors.audience ?> has-error<?cs /if ?>">
      <label for="audience"><?cs var:L.agency_courses.f_audience ?></label>
      <?cs if:P.Errors.audience ?><?cs call:field_error_id("audience-error", P.Errors.audience) ?><?cs /if ?>
      <select id="audience" name="audience" class="input-short">
        <?cs each:a = P.Audiences ?>
        <option value="<?cs var:a.Value ?>"<?cs if:a.Selected == 1 ?> selected<?cs /if ?>><?cs var:L.audience[a.Value] ?></option>
        <?cs /each ?>
      </select>
    </div>
    <div class="field<?cs if:P.Errors.mode ?> has-error<?cs /if ?>">
      <label for="mode"><?cs var:L.agency_courses.f_mode ?></label>
      <?cs call:material_hint() ?>
      <?cs if:P.Errors.mode ?><?cs call:field_error_id("mode-error", P.Errors.mode) ?><?cs /if ?>
      <select id="mode" name="mode" class="input-short">
        <?cs each:m = P.Modes ?>
        <option value="<?cs var:m.Value ?>"<?cs if:m.Selected == 1 ?> selected<?cs /if ?>><?cs var:L.mode[m.Value] ?></option>
        <?cs /each ?>
      </select>
    </div>
    <div class="field<?cs if:P.Errors.credits ?> has-error<?cs /if ?>">
      <label for="credits"><?cs var:L.agency_courses.f_credits ?></label>
      <p class="field-hint" id="credits-hint"><?cs var:L.agency_courses.credits_hint ?></p>
      <?cs call:material_hint() ?>
      <?cs if:P.Errors.credits ?><?cs call:field_error_id("credits-error", P.Errors.credits) ?><?cs /if ?>
      <input id="credits" name="credits" type="text" inputmode="decimal" class="input-short" value="<?cs var:P.Form.credits ?>" maxlength="5"
        aria-describedby="credits-hint<?cs if:P.Errors.credits ?> credits-error<?cs /if ?>"<?cs if:P.Errors.credits ?> aria-invalid="true"<?cs /if ?>>
    </div>
    <div class="field<?cs if:P.Errors.hours ?> has-error<?cs /if ?>">
      <label for="hours"><?cs var:L.agency_courses.f_hours ?></label>
      <p class="field-hint" id="hours-hint"><?cs var:L.agency_courses.hours_hint ?></p>
      <?cs if:P.Errors.hours ?><?cs call:field_error_id("hours-error", P.Errors.hours) ?><?cs /if ?>
      <input id="hours" name="hours" type="text" inputmode="numeric" class="input-short" value="<?cs var:P.Form.hours ?>" maxlength="4"
        aria-describedby="hours-hint<?cs if:P.Errors.hours ?> hours-error<?cs /if ?>"<?cs if:P.Errors.hours ?> aria-invalid="true"<?cs /if ?>>
    </div>
  </fieldset>
  <fieldset>
    <legend><?cs var:L.agency_courses.f_cover ?></legend>
    <?cs if:P.CoverThumb ?><p><img src="<?cs var:P.CoverThumb ?>" width="240" height="135" alt="<?cs var:L.agency_courses.cover_current ?>"></p><?cs /if ?>
    <div class="field<?cs if:P.Errors.cover ?> has-error<?cs /if ?>">
      <label for="<?cs var:P.CoverField ?>"><?cs var:L.agency_courses.cover_label ?></label>
      <p class="field-hint" id="cover-hint"><?cs var:L.agency_courses.cover_hint ?></p>
      <?cs if:P.Errors.cover ?><?cs call:field_error_id("cover-error", P.Errors.cover) ?><?cs /if ?>
      <input id="<?cs var:P.CoverField ?>" name="<?cs var:P.CoverField ?>" type="file" accept="image/jpeg,image/png,image/webp"
        aria-describedby="cover-hint<?cs if:P.Errors.cover ?> cover-error<?cs /if ?>"<?cs if:P.Errors.cover ?> aria-invalid="true"<?cs /if ?>>
    </div>
  </fieldset>
  <div class="form-actions">
    <button class="btn btn-primary" type="submit"><?cs if:P.Mode == "edit" ?><?cs var:L.agency_courses.save ?><?cs else ?><?cs var:L.agency_courses.create ?><?cs /if ?></button>
    <button class="btn" type="submit" name="preview" value="1"><?cs var:L.agency_courses.preview ?></button>
  </div>
</form>
