<?cs #
  pages/agency/offering_form.cs: GET,POST /agency/courses/{id}/offerings/new and
  /agency/offerings/{id}, one offering of a course, inside layout.cs
  (cgi-bin/pages/agency_offerings.c).
  Reads:
    P.Course.Id Title Live       the course; Live 1 once it has been listed
    P.Locked                     1 while the course's review is open: nothing can be saved
    P.Id P.Status P.SeatsTaken   the offering (P.Id empty when adding one)
    P.Mode                       the course's mode: online | offline | blended
    P.Form.<field>               what is shown: typed, or stored with pending values laid over
    P.Form.free, P.Form.online   1 when ticked / chosen
    P.Pending.<field>            1 when that value waits for review
    P.Done, P.WentLive.N, P.Held.N   after a save: what took effect and what waits for review
    P.Days.N.Value Label Checked
    P.SiteGroups.N.Name, .Sites.M.Id Name Selected
    P.RegionGroups.N.Name, .Regions.M.Id Name District Selected
    P.TeacherChoices.N.Id Name Kind Active Checked
    P.Errors.<field>, P.ErrorList.N.Field/.Message
?>
<p class="muted"><a href="/agency/courses/<?cs var:P.Course.Id ?>"><?cs var:L.agency_offerings.back_course ?></a></p>
<h1><?cs if:P.Id ?><?cs var:L.agency_offerings.edit_title ?><?cs else ?><?cs var:L.agency_offerings.new_title ?><?cs /if ?></h1>
<dl class="facts">
  <dt><?cs var:L.agency_offerings.course_label ?></dt><dd><a href="/agency/courses/<?cs var:P.Course.Id ?>"><?cs var:P.Course.Title ?></a></dd>
  <?cs if:P.Id ?>
  <dt><?cs var:L.agency_offerings.status_label ?></dt><dd id="offering-status"><?cs
    if:P.Status == "draft" ?><?cs var:L.agency_offerings.status_draft ?><?cs
    elif:P.Status == "open" ?><?cs var:L.agency_offerings.status_open ?><?cs
    elif:P.Status == "closed" ?><?cs var:L.agency_offerings.status_closed ?><?cs
    else ?><?cs var:L.agency_offerings.status_cancelled ?><?cs /if ?></dd>
  <dt><?cs var:L.agency_offerings.seats_taken_pre ?></dt><dd><?cs var:P.SeatsTaken ?></dd>
  <?cs /if ?>
</dl>

<?cs if:P.Done ?>
<div class="notice notice-ok" role="status" id="saved">
  <p><strong><?cs var:L.agency_offerings.ok_prefix ?></strong> <?cs if:P.Done == "created" ?><?cs var:L.agency_offerings.done_created ?><?cs else ?><?cs var:L.agency_offerings.done_saved ?><?cs /if ?></p>
  <?cs if:subcount(P.WentLive) > 0 ?><div id="went-live"><p><?cs var:L.agency_offerings.went_live ?></p><ul><?cs each:f = P.WentLive ?><li><?cs var:f ?></li><?cs /each ?></ul></div><?cs /if ?>
  <?cs if:subcount(P.Held) > 0 ?><div id="held"><p><?cs var:L.agency_offerings.held ?></p><ul><?cs each:f = P.Held ?><li><?cs var:f ?></li><?cs /each ?></ul></div><?cs /if ?>
</div>
<?cs /if ?>

<?cs if:P.Locked == 1 ?>
<div class="notice notice-warn"><p><strong><?cs var:L.agency_offerings.warn_prefix ?></strong> <?cs var:L.agency_offerings.locked_note ?></p></div>
<?cs elif:!P.Id || P.Status == "draft" ?>
<p class="lead prose"><?cs var:L.agency_offerings.new_lead ?></p>
<?cs else ?>
<p class="lead prose"><?cs var:L.agency_offerings.live_lead ?></p>
<?cs if:subcount(P.Pending) > 0 ?><div class="notice"><p><strong><?cs var:L.agency_offerings.note_prefix ?></strong> <?cs var:L.agency_offerings.pending_note ?></p></div><?cs /if ?>
<?cs /if ?>

<?cs call:error_summary(L.agency_offerings.errors_pre, L.agency_offerings.errors_post) ?>

<?cs def:pending_mark(id) ?><?cs if:P.Pending[id] ?> <strong class="pending-mark"><?cs var:L.agency_offerings.pending_mark ?></strong><?cs /if ?><?cs /def ?>
<?cs def:input(id, label, hint, type, required, cls, extra) ?>
  <div class="field<?cs if:P.Errors[id] ?> has-error<?cs /if ?>">
    <label for="<?cs var:id ?>"><?cs var:label ?> <span class="req"><?cs if:required ?><?cs var:L.agency_offerings.required_mark ?><?cs else ?><?cs var:L.agency_offerings.optional_mark ?><?cs /if ?></span><?cs call:pending_mark(id) ?></label>
    <?cs if:hint ?><p class="field-hint" id="<?cs var:id ?>-hint"><?cs var:hint ?></p><?cs /if ?>
    <?cs if:P.Errors[id] ?><?cs call:field_error_id(id + "-error", P.Errors[id]) ?><?cs /if ?>
    <input id="<?cs var:id ?>" name="<?cs var:id ?>" type="<?cs var:type ?>" class="<?cs var:cls ?>" value="<?cs var:P.Form[id] ?>"<?cs
      if:required ?> required<?cs /if ?><?cs if:extra == "num" ?> inputmode="numeric"<?cs elif:extra == "money" ?> inputmode="decimal"<?cs /if ?><?cs
      if:P.Errors[id] ?> aria-invalid="true"<?cs /if ?><?cs
      if:hint || P.Errors[id] ?> aria-describedby="<?cs if:hint ?><?cs var:id ?>-hint<?cs /if ?><?cs if:P.Errors[id] ?> <?cs var:id ?>-error<?cs /if ?>"<?cs /if ?>>
  </div>
<?cs /def ?>

<form class="form" method="post" action="<?cs if:P.Id ?>/agency/offerings/<?cs var:P.Id ?><?cs else ?>/agency/courses/<?cs var:P.Course.Id ?>/offerings/new<?cs /if ?>">
  <?cs call:csrf_field() ?>
  <fieldset>
    <legend><?cs var:L.agency_offerings.section_basics ?></legend>
    <div class="field<?cs if:P.Errors.name ?> has-error<?cs /if ?>">
      <label for="name"><?cs var:L.agency_offerings.f_name ?> <span class="req"><?cs var:L.agency_offerings.required_mark ?></span></label>
      <p class="field-hint" id="name-hint"><?cs var:L.agency_offerings.f_name_hint ?></p>
      <?cs if:P.Errors.name ?><?cs call:field_error_id("name-error", P.Errors.name) ?><?cs /if ?>
      <input id="name" name="name" type="text" maxlength="60" required value="<?cs var:P.Form.name ?>"
             aria-describedby="name-hint<?cs if:P.Errors.name ?> name-error<?cs /if ?>"<?cs if:P.Errors.name ?> aria-invalid="true"<?cs /if ?>>
    </div>
    <?cs call:input("starts_on", L.agency_offerings.f_starts_on, L.agency_offerings.f_date_hint, "date", 1, "input-short", "") ?>
    <?cs call:input("ends_on", L.agency_offerings.f_ends_on, L.agency_offerings.f_date_hint, "date", 1, "input-short", "") ?>
  </fieldset>

  <fieldset>
    <legend><?cs var:L.agency_offerings.section_schedule ?></legend>
    <fieldset class="field<?cs if:P.Errors.weekdays ?> has-error<?cs /if ?>" id="weekdays">
      <legend><?cs var:L.agency_offerings.f_weekdays ?> <span class="req"><?cs var:L.agency_offerings.required_mark ?></span></legend>
      <?cs if:P.Errors.weekdays ?><?cs call:field_error(P.Errors.weekdays) ?><?cs /if ?>
      <ul class="choices">
        <?cs each:d = P.Days ?>
        <li class="choice"><input type="checkbox" id="weekday-<?cs var:d.Value ?>" name="weekday" value="<?cs var:d.Value ?>"<?cs if:d.Checked == 1 ?> checked<?cs /if ?>><label for="weekday-<?cs var:d.Value ?>"><?cs var:d.Label ?></label></li>
        <?cs /each ?>
      </ul>
    </fieldset>
    <?cs call:input("time_from", L.agency_offerings.f_time_from, L.agency_offerings.f_time_hint, "time", 1, "input-short", "") ?>
    <?cs call:input("time_to", L.agency_offerings.f_time_to, L.agency_offerings.f_time_hint, "time", 1, "input-short", "") ?>
  </fieldset>

  <fieldset>
    <legend><?cs var:L.agency_offerings.section_place ?></legend>
    <div class="field<?cs if:P.Errors.site ?> has-error<?cs /if ?>">
      <label for="site"><?cs var:L.agency_offerings.f_site ?> <span class="req"><?cs var:L.agency_offerings.required_mark ?></span><?cs call:pending_mark("site") ?></label>
      <p class="field-hint" id="site-hint"><?cs if:P.Mode == "online" ?><?cs var:L.agency_offerings.mode_online ?><?cs
        elif:P.Mode == "offline" ?><?cs var:L.agency_offerings.mode_offline ?><?cs else ?><?cs var:L.agency_offerings.mode_blended ?><?cs /if ?></p>
      <?cs if:P.Errors.site ?><?cs call:field_error_id("site-error", P.Errors.site) ?><?cs /if ?>
      <select id="site" name="site" required aria-describedby="site-hint<?cs if:P.Errors.site ?> site-error<?cs /if ?>"<?cs if:P.Errors.site ?> aria-invalid="true"<?cs /if ?>>
        <option value=""><?cs var:L.agency_offerings.f_site_choose ?></option>
        <?cs if:P.Mode != "offline" ?><option value="online"<?cs if:P.Form.online == 1 ?> selected<?cs /if ?>><?cs var:L.agency_offerings.f_online ?></option><?cs /if ?>
        <?cs if:P.Mode != "online" ?>
        <?cs each:g = P.SiteGroups ?>
        <optgroup label="<?cs var:g.Name ?>">
          <?cs each:s = g.Sites ?><option value="<?cs var:s.Id ?>"<?cs if:s.Selected == 1 ?> selected<?cs /if ?>><?cs var:s.Name ?></option><?cs /each ?>
        </optgroup>
        <?cs /each ?>
        <?cs /if ?>
      </select>
    </div>
  </fieldset>

  <fieldset>
    <legend><?cs var:L.agency_offerings.section_seats ?></legend>
    <?cs call:input("capacity", L.agency_offerings.f_capacity, L.agency_offerings.f_capacity_hint, "text", 1, "input-short", "num") ?>
    <?cs call:input("free_seats", L.agency_offerings.f_free_seats, L.agency_offerings.f_free_seats_hint, "text", 0, "input-short", "num") ?>
    <?cs call:input("price", L.agency_offerings.f_price, L.agency_offerings.f_price_hint, "text", 0, "input-short", "money") ?>
    <p class="choice"><input type="checkbox" id="free" name="free" value="1"<?cs if:P.Form.free == 1 ?> checked<?cs /if ?>><label for="free"><?cs var:L.agency_offerings.f_free ?></label></p>
  </fieldset>

  <fieldset>
    <legend><?cs var:L.agency_offerings.section_enroll ?></legend>
    <?cs call:input("opens_at", L.agency_offerings.f_opens_at, L.agency_offerings.f_datetime_hint, "datetime-local", 1, "input-short", "") ?>
    <?cs call:input("closes_at", L.agency_offerings.f_closes_at, L.agency_offerings.f_datetime_hint, "datetime-local", 1, "input-short", "") ?>
    <?cs call:input("cancel_until", L.agency_offerings.f_cancel_until, L.agency_offerings.f_cancel_until_hint, "datetime-local", 0, "input-short", "") ?>
  </fieldset>

  <fieldset>
    <legend><?cs var:L.agency_offerings.section_eligibility ?></legend>
    <?cs call:input("min_age", L.agency_offerings.f_min_age, L.agency_offerings.f_min_age_hint, "text", 0, "input-short", "num") ?>
    <div class="field<?cs if:P.Errors.region ?> has-error<?cs /if ?>">
      <label for="region"><?cs var:L.agency_offerings.f_region ?> <span class="req"><?cs var:L.agency_offerings.optional_mark ?></span></label>
      <p class="field-hint" id="region-hint"><?cs var:L.agency_offerings.f_region_hint ?></p>
      <?cs if:P.Errors.region ?><?cs call:field_error_id("region-error", P.Errors.region) ?><?cs /if ?>
      <select id="region" name="region" aria-describedby="region-hint<?cs if:P.Errors.region ?> region-error<?cs /if ?>"<?cs if:P.Errors.region ?> aria-invalid="true"<?cs /if ?>>
        <option value=""><?cs var:L.agency_offerings.f_region_any ?></option>
        <?cs each:g = P.RegionGroups ?>
        <optgroup label="<?cs var:g.Name ?>">
          <?cs each:r = g.Regions ?><option value="<?cs var:r.Id ?>"<?cs if:r.Selected == 1 ?> selected<?cs /if ?>><?cs var:r.Name ?><?cs if:r.District == 1 ?> <?cs var:L.agency_offerings.f_region_all ?><?cs /if ?></option><?cs /each ?>
        </optgroup>
        <?cs /each ?>
      </select>
    </div>
  </fieldset>

  <fieldset class="field<?cs if:P.Errors.teachers ?> has-error<?cs /if ?>" id="teachers">
    <legend><?cs var:L.agency_offerings.section_teachers ?><?cs call:pending_mark("teacher") ?></legend>
    <p class="field-hint"><?cs var:L.agency_offerings.f_teachers_hint ?></p>
    <?cs if:P.Errors.teachers ?><?cs call:field_error(P.Errors.teachers) ?><?cs /if ?>
    <?cs if:subcount(P.TeacherChoices) > 0 ?>
    <ul class="choices">
      <?cs each:t = P.TeacherChoices ?>
      <li class="choice"><input type="checkbox" id="teacher-<?cs var:t.Id ?>" name="teacher" value="<?cs var:t.Id ?>"<?cs if:t.Checked == 1 ?> checked<?cs /if ?>><label for="teacher-<?cs var:t.Id ?>"><?cs var:t.Name ?> · <?cs
        if:t.Kind == "full_time" ?><?cs var:L.agency_offerings.kind_full_time ?><?cs
        elif:t.Kind == "part_time" ?><?cs var:L.agency_offerings.kind_part_time ?><?cs
        else ?><?cs var:L.agency_offerings.kind_volunteer ?><?cs /if ?><?cs
        if:t.Active != 1 ?> (<?cs var:L.agency_offerings.state_retired ?>)<?cs /if ?></label></li>
      <?cs /each ?>
    </ul>
    <?cs else ?>
    <p><?cs var:L.agency_offerings.f_teachers_none ?> <a href="/agency/teachers/new"><?cs var:L.agency_offerings.f_teachers_add ?></a></p>
    <?cs /if ?>
  </fieldset>

  <?cs if:P.Locked != 1 ?>
  <div class="form-actions">
    <button class="btn btn-primary" type="submit"><?cs var:L.agency_offerings.save ?></button>
    <a href="/agency/courses/<?cs var:P.Course.Id ?>"><?cs var:L.agency_offerings.cancel ?></a>
  </div>
  <?cs /if ?>
</form>

<?cs if:P.Id && P.Status == "draft" && P.Locked != 1 ?>
<form class="form" method="post" action="/agency/offerings/<?cs var:P.Id ?>/delete">
  <?cs call:csrf_field() ?>
  <p class="field-hint"><?cs var:L.agency_offerings.delete_hint ?></p>
  <button class="btn" type="submit"><?cs var:L.agency_offerings.delete ?></button>
</form>
<?cs /if ?>
