<?cs #
  pages/agency/teachers.cs: GET /agency/teachers, the agency's teacher pool, inside layout.cs
  (cgi-bin/pages/agency_teachers.c).
  Reads:
    P.Done                       added | saved | retired | reactivated (after a redirect)
    P.Teachers.N.Id Name Kind (full_time | part_time | volunteer) Subjects Qualifications Active
    P.Teachers.N.Offerings.M.Id Name Course CourseId   the offerings the teacher is on
?>
<p class="muted"><a href="/agency"><?cs var:L.agency_offerings.console ?></a></p>
<h1><?cs var:L.agency_offerings.teachers_title ?></h1>
<p class="lead prose"><?cs var:L.agency_offerings.teachers_lead ?></p>

<?cs if:P.Done ?>
<div class="notice notice-ok" role="status"><p><strong><?cs var:L.agency_offerings.ok_prefix ?></strong> <?cs
  if:P.Done == "added" ?><?cs var:L.agency_offerings.done_added ?><?cs
  elif:P.Done == "saved" ?><?cs var:L.agency_offerings.done_saved ?><?cs
  elif:P.Done == "retired" ?><?cs var:L.agency_offerings.done_retired ?><?cs
  else ?><?cs var:L.agency_offerings.done_reactivated ?><?cs /if ?></p></div>
<?cs /if ?>

<p><a class="btn btn-primary" href="/agency/teachers/new"><?cs var:L.agency_offerings.teacher_add ?></a></p>

<?cs if:subcount(P.Teachers) > 0 ?>
<table class="table table-stack" id="teachers">
  <caption class="visually-hidden"><?cs var:L.agency_offerings.teachers_caption ?></caption>
  <thead><tr>
    <th scope="col"><?cs var:L.agency_offerings.col_name ?></th>
    <th scope="col"><?cs var:L.agency_offerings.col_kind ?></th>
    <th scope="col"><?cs var:L.agency_offerings.col_subjects ?></th>
    <th scope="col"><?cs var:L.agency_offerings.col_qualifications ?></th>
    <th scope="col"><?cs var:L.agency_offerings.col_state ?></th>
    <th scope="col"><?cs var:L.agency_offerings.col_offerings ?></th>
    <th scope="col"><?cs var:L.agency_offerings.col_actions ?></th>
  </tr></thead>
  <tbody>
  <?cs each:t = P.Teachers ?>
  <tr id="teacher-<?cs var:t.Id ?>">
    <td data-label="<?cs var:L.agency_offerings.col_name ?>"><?cs var:t.Name ?></td>
    <td data-label="<?cs var:L.agency_offerings.col_kind ?>"><?cs
      if:t.Kind == "full_time" ?><?cs var:L.agency_offerings.kind_full_time ?><?cs
      elif:t.Kind == "part_time" ?><?cs var:L.agency_offerings.kind_part_time ?><?cs
      else ?><?cs var:L.agency_offerings.kind_volunteer ?><?cs /if ?></td>
    <td data-label="<?cs var:L.agency_offerings.col_subjects ?>"><?cs var:t.Subjects ?></td>
    <td data-label="<?cs var:L.agency_offerings.col_qualifications ?>"><?cs var:t.Qualifications ?></td>
    <td data-label="<?cs var:L.agency_offerings.col_state ?>"><?cs
      if:t.Active == 1 ?><?cs var:L.agency_offerings.state_active ?><?cs
      else ?><?cs var:L.agency_offerings.state_retired ?><?cs /if ?></td>
    <td data-label="<?cs var:L.agency_offerings.col_offerings ?>"><?cs
      if:subcount(t.Offerings) > 0 ?><ul class="choices"><?cs each:o = t.Offerings ?>
        <li><a href="/agency/offerings/<?cs var:o.Id ?>"><?cs var:o.Course ?> · <?cs var:o.Name ?></a></li><?cs /each ?></ul><?cs
      else ?><?cs var:L.agency_offerings.teaches_none ?><?cs /if ?></td>
    <td data-label="<?cs var:L.agency_offerings.col_actions ?>">
      <a href="/agency/teachers/<?cs var:t.Id ?>"><?cs var:L.agency_offerings.edit ?><span class="visually-hidden"> <?cs var:t.Name ?></span></a>
      <form class="inline-form" method="post" action="/agency/teachers/<?cs var:t.Id ?>/<?cs if:t.Active == 1 ?>retire<?cs else ?>reactivate<?cs /if ?>">
        <?cs call:csrf_field() ?>
        <button class="btn" type="submit"><?cs if:t.Active == 1 ?><?cs var:L.agency_offerings.retire ?><?cs else ?><?cs var:L.agency_offerings.reactivate ?><?cs /if ?><span class="visually-hidden"> <?cs var:t.Name ?></span></button>
      </form>
    </td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?>
<p><?cs var:L.agency_offerings.teachers_none ?></p>
<?cs /if ?>
