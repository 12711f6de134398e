<?cs #
  pages/agency/courses.cs: GET /agency/courses, the agency's courses and where each stands, inside
  layout.cs (cgi-bin/pages/agency_courses.c).
  Reads:
    P.Courses.N.Id Title Status Stage StageText Reasons (the last review's, when rejected)
      UpdatedAt Offerings (not cancelled)
?>
<p class="muted"><a href="/agency"><?cs var:L.agency_console.console ?></a></p>
<h1><?cs var:L.agency_courses.list_title ?></h1>
<p><a class="btn btn-primary" href="/agency/courses/new"><?cs var:L.agency_courses.new_title ?></a></p>

<?cs if:subcount(P.Courses) > 0 ?>
<table class="table table-stack" id="courses">
  <caption class="visually-hidden"><?cs var:L.agency_courses.list_caption ?></caption>
  <thead><tr>
    <th scope="col"><?cs var:L.agency_courses.col_course ?></th>
    <th scope="col"><?cs var:L.agency_courses.col_stage ?></th>
    <th scope="col"><?cs var:L.agency_courses.col_offerings ?></th>
    <th scope="col"><?cs var:L.agency_courses.col_updated ?></th>
  </tr></thead>
  <tbody>
    <?cs each:c = P.Courses ?>
    <tr>
      <td data-label="<?cs var:L.agency_courses.col_course ?>"><div><a href="/agency/courses/<?cs var:c.Id ?>"><?cs var:c.Title ?></a></div></td>
      <td data-label="<?cs var:L.agency_courses.col_stage ?>"><div><?cs var:c.StageText ?><?cs
        if:string.length(c.Reasons) > 0 ?><p class="decision-note"><strong><?cs var:L.agency_courses.reasons ?></strong> <?cs var:c.Reasons ?></p><?cs /if ?></div></td>
      <td data-label="<?cs var:L.agency_courses.col_offerings ?>"><div><?cs var:c.Offerings ?></div></td>
      <td data-label="<?cs var:L.agency_courses.col_updated ?>"><div><?cs var:c.UpdatedAt ?></div></td>
    </tr>
    <?cs /each ?>
  </tbody>
</table>
<?cs else ?>
<p class="empty-state"><?cs var:L.agency_courses.list_none ?></p>
<?cs /if ?>
