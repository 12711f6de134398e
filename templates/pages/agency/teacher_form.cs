<?cs #
  pages/agency/teacher_form.cs: GET,POST /agency/teachers/new and /agency/teachers/{id}, one
  teacher of the pool, inside layout.cs (cgi-bin/pages/agency_teachers.c).
  Reads:
    P.Id                         the teacher ("" when adding)
    P.Active                     1 unless the teacher is retired
    P.Form.name kind subjects qualifications bio   what is shown (typed, or stored)
    P.Errors.<field>, P.ErrorList.N.Field/.Message
?>
<p class="muted"><a href="/agency/teachers"><?cs var:L.agency_offerings.back_teachers ?></a></p>
<h1><?cs if:P.Id ?><?cs var:L.agency_offerings.teacher_edit_title ?><?cs else ?><?cs var:L.agency_offerings.teacher_new_title ?><?cs /if ?></h1>

<?cs if:P.Active != 1 ?>
<div class="notice notice-warn"><p><strong><?cs var:L.agency_offerings.warn_prefix ?></strong> <?cs var:L.agency_offerings.teacher_retired_note ?></p></div>
<?cs /if ?>

<?cs call:error_summary(L.agency_offerings.errors_pre, L.agency_offerings.errors_post) ?>

<form class="form" method="post" action="/agency/teachers/<?cs if:P.Id ?><?cs var:P.Id ?><?cs else ?>new<?cs /if ?>">
  <?cs call:csrf_field() ?>
  <div class="field<?cs if:P.Errors.name ?> has-error<?cs /if ?>">
    <label for="name"><?cs var:L.agency_offerings.t_name ?> <span class="req"><?cs var:L.agency_offerings.required_mark ?></span></label>
    <p class="field-hint" id="name-hint"><?cs var:L.agency_offerings.t_name_hint ?></p>
    <?cs if:P.Errors.name ?><?cs call:field_error_id("name-error", P.Errors.name) ?><?cs /if ?>
    <input id="name" name="name" type="text" class="input-short" maxlength="40" required value="<?cs var:P.Form.name ?>"
           aria-describedby="name-hint<?cs if:P.Errors.name ?> name-error<?cs /if ?>"<?cs if:P.Errors.name ?> aria-invalid="true"<?cs /if ?>>
  </div>
  <fieldset class="field<?cs if:P.Errors.kind ?> has-error<?cs /if ?>" id="kind">
    <legend><?cs var:L.agency_offerings.t_kind ?> <span class="req"><?cs var:L.agency_offerings.required_mark ?></span></legend>
    <?cs if:P.Errors.kind ?><?cs call:field_error(P.Errors.kind) ?><?cs /if ?>
    <ul class="choices">
      <li class="choice"><input type="radio" id="kind-full_time" name="kind" value="full_time"<?cs if:P.Form.kind == "full_time" ?> checked<?cs /if ?>><label for="kind-full_time"><?cs var:L.agency_offerings.kind_full_time ?></label></li>
      <li class="choice"><input type="radio" id="kind-part_time" name="kind" value="part_time"<?cs if:P.Form.kind == "part_time" ?> checked<?cs /if ?>><label for="kind-part_time"><?cs var:L.agency_offerings.kind_part_time ?></label></li>
      <li class="choice"><input type="radio" id="kind-volunteer" name="kind" value="volunteer"<?cs if:P.Form.kind == "volunteer" ?> checked<?cs /if ?>><label for="kind-volunteer"><?cs var:L.agency_offerings.kind_volunteer ?></label></li>
    </ul>
  </fieldset>
  <div class="field<?cs if:P.Errors.subjects ?> has-error<?cs /if ?>">
    <label for="subjects"><?cs var:L.agency_offerings.t_subjects ?> <span class="req"><?cs var:L.agency_offerings.optional_mark ?></span></label>
    <p class="field-hint" id="subjects-hint"><?cs var:L.agency_offerings.t_subjects_hint ?></p>
    <?cs if:P.Errors.subjects ?><?cs call:field_error_id("subjects-error", P.Errors.subjects) ?><?cs /if ?>
    <input id="subjects" name="subjects" type="text" maxlength="200" value="<?cs var:P.Form.subjects ?>"
           aria-describedby="subjects-hint<?cs if:P.Errors.subjects ?> subjects-error<?cs /if ?>"<?cs if:P.Errors.subjects ?> aria-invalid="true"<?cs /if ?>>
  </div>
  <div class="field<?cs if:P.Errors.qualifications ?> has-error<?cs /if ?>">
    <label for="qualifications"><?cs var:L.agency_offerings.t_qualifications ?> <span class="req"><?cs var:L.agency_offerings.required_mark ?></span></label>
    <p class="field-hint" id="qualifications-hint"><?cs var:L.agency_offerings.t_qualifications_hint ?></p>
    <?cs if:P.Errors.qualifications ?><?cs call:field_error_id("qualifications-error", P.Errors.qualifications) ?><?cs /if ?>
    <textarea id="qualifications" name="qualifications" rows="4" maxlength="1000" required
              aria-describedby="qualifications-hint<?cs if:P.Errors.qualifications ?> qualifications-error<?cs /if ?>"<?cs if:P.Errors.qualifications ?> aria-invalid="true"<?cs /if ?>><?cs var:P.Form.qualifications ?></textarea>
  </div>
  <div class="field<?cs if:P.Errors.bio ?> has-error<?cs /if ?>">
    <label for="bio"><?cs var:L.agency_offerings.t_bio ?> <span class="req"><?cs var:L.agency_offerings.optional_mark ?></span></label>
    <p class="field-hint" id="bio-hint"><?cs var:L.agency_offerings.t_bio_hint ?></p>
    <?cs if:P.Errors.bio ?><?cs call:field_error_id("bio-error", P.Errors.bio) ?><?cs /if ?>
    <textarea id="bio" name="bio" rows="4" maxlength="1000"
              aria-describedby="bio-hint<?cs if:P.Errors.bio ?> bio-error<?cs /if ?>"<?cs if:P.Errors.bio ?> aria-invalid="true"<?cs /if ?>><?cs var:P.Form.bio ?></textarea>
  </div>
  <div class="form-actions">
    <button class="btn btn-primary" type="submit"><?cs var:L.agency_offerings.t_save ?></button>
    <a href="/agency/teachers"><?cs var:L.agency_offerings.cancel ?></a>
  </div>
</form>
