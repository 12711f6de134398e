<?cs #
  pages/agency/console.cs: GET /agency, the agency console's home, inside layout.cs
  (cgi-bin/pages/agency_home.c).
  Reads:
    P.Done                       registered | resubmitted | uploaded (after a redirect)
    P.Agency.Id Name CreditCode Status District Address ContactName ContactPhone (masked unless it is the viewer's own) DecisionNote
      DecidedAt CreatedAt, P.Agency.Paragraphs.N.Lines.M (the intro, plain text)
    P.Documents.N.Id Kind Filename Ext SizeText UploadedAt
    P.DocError, P.DocErrorFile, P.DocKind   a refused upload, its file and the type chosen
    P.DocField                   the file input's name
    P.Members.N.Name Phone (masked but for the member themself) Me Active
  Each part of the console is a <section class="console-section"> with an <h2>; later issues add
  theirs (courses, classes) after the status section.
?>
<p class="muted"><?cs var:L.agency_console.console ?></p>
<h1><?cs var:P.Agency.Name ?></h1>

<?cs if:P.Done ?>
<div class="notice notice-ok" role="status"><p><strong><?cs var:L.agency_console.ok_prefix ?></strong> <?cs
  if:P.Done == "registered" ?><?cs var:L.agency_console.done_registered ?><?cs
  elif:P.Done == "resubmitted" ?><?cs var:L.agency_console.done_resubmitted ?><?cs
  else ?><?cs var:L.agency_console.done_uploaded ?><?cs /if ?></p></div>
<?cs /if ?>

<section class="console-section" aria-labelledby="agency-status">
  <h2 id="agency-status"><?cs var:L.agency_console.status_label ?> <?cs
    if:P.Agency.Status == "pending" ?><?cs var:L.agency_console.status_pending ?><?cs
    elif:P.Agency.Status == "approved" ?><?cs var:L.agency_console.status_approved ?><?cs
    elif:P.Agency.Status == "rejected" ?><?cs var:L.agency_console.status_rejected ?><?cs
    else ?><?cs var:L.agency_console.status_suspended ?><?cs /if ?></h2>
  <?cs if:P.Agency.Status == "pending" ?>
  <div class="notice"><p><strong><?cs var:L.agency_console.note_prefix ?></strong> <?cs var:L.agency_console.pending_next ?></p></div>
  <p><a class="btn" href="/agency/edit"><?cs var:L.agency_console.edit_title ?></a></p>
  <?cs elif:P.Agency.Status == "approved" ?>
  <div class="notice notice-ok"><p><strong><?cs var:L.agency_console.ok_prefix ?></strong> <?cs var:L.agency_console.approved_next ?></p></div>
  <?cs elif:P.Agency.Status == "rejected" ?>
  <div class="notice notice-warn">
    <p><strong><?cs var:L.agency_console.warn_prefix ?></strong> <?cs var:L.agency_console.rejected_next ?></p>
    <h3><?cs var:L.agency_console.rejected_reasons ?></h3>
    <p class="decision-note"><?cs var:P.Agency.DecisionNote ?></p>
  </div>
  <p><a class="btn btn-primary" href="/agency/edit"><?cs var:L.agency_console.edit_link ?></a></p>
  <?cs else ?>
  <div class="notice notice-warn"><p><strong><?cs var:L.agency_console.warn_prefix ?></strong> <?cs var:L.agency_console.suspended_next ?></p></div>
  <?cs /if ?>
  <dl class="facts">
    <dt><?cs var:L.agency_console.submitted_at ?></dt><dd><?cs var:P.Agency.CreatedAt ?></dd>
    <?cs if:string.length(P.Agency.DecidedAt) > 0 ?><dt><?cs var:L.agency_console.decided_at ?></dt><dd><?cs var:P.Agency.DecidedAt ?></dd><?cs /if ?>
  </dl>
</section>

<?cs if:P.Agency.Status == "approved" ?>
<section class="console-section" id="courses" aria-labelledby="agency-courses">
  <h2 id="agency-courses"><?cs var:L.agency_courses.console_courses ?></h2>
  <p><?cs var:L.agency_courses.console_courses_lead ?></p>
  <ul>
    <li><a href="/agency/courses"><?cs var:L.agency_courses.list_title ?></a></li>
    <li><a href="/agency/courses/new"><?cs var:L.agency_courses.new_title ?></a></li>
    <li><a href="/agency/teachers"><?cs var:L.agency_courses.console_teachers ?></a></li>
  </ul>
</section>
<?cs /if ?>

<section class="console-section" aria-labelledby="agency-facts">
  <h2 id="agency-facts"><?cs var:L.agency_console.section_agency ?></h2>
  <dl class="facts">
    <dt><?cs var:L.agency_console.facts_name ?></dt><dd><?cs var:P.Agency.Name ?></dd>
    <dt><?cs var:L.agency_console.credit_code ?></dt><dd><code><?cs var:P.Agency.CreditCode ?></code></dd>
    <dt><?cs var:L.agency_console.facts_district ?></dt><dd><?cs var:P.Agency.District ?></dd>
    <dt><?cs var:L.agency_console.facts_address ?></dt><dd><?cs var:P.Agency.Address ?></dd>
    <dt><?cs var:L.agency_console.facts_contact ?></dt><dd><?cs var:P.Agency.ContactName ?></dd>
    <dt><?cs var:L.agency_console.facts_phone ?></dt><dd><?cs var:P.Agency.ContactPhone ?></dd>
  </dl>
  <?cs if:subcount(P.Agency.Paragraphs) > 0 ?>
  <h3><?cs var:L.agency_console.intro ?></h3>
  <div class="prose">
    <?cs each:para = P.Agency.Paragraphs ?>
    <p><?cs each:line = para.Lines ?><?cs if:!first(line) ?><br><?cs /if ?><?cs var:line ?><?cs /each ?></p>
    <?cs /each ?>
  </div>
  <?cs /if ?>
</section>

<section class="console-section" id="documents" aria-labelledby="agency-documents">
  <h2 id="agency-documents"><?cs var:L.agency_console.section_documents ?></h2>
  <?cs if:subcount(P.Documents) > 0 ?>
  <table class="table table-stack">
    <caption class="visually-hidden"><?cs var:L.agency_console.documents_caption ?></caption>
    <thead><tr>
      <th scope="col"><?cs var:L.agency_console.doc_file ?></th>
      <th scope="col"><?cs var:L.agency_console.doc_kind ?></th>
      <th scope="col"><?cs var:L.agency_console.doc_size ?></th>
      <th scope="col"><?cs var:L.agency_console.doc_uploaded ?></th>
    </tr></thead>
    <tbody>
      <?cs each:d = P.Documents ?>
      <tr>
        <td data-label="<?cs var:L.agency_console.doc_file ?>"><div><a href="/agency/documents/<?cs var:d.Id ?>" download><span class="visually-hidden"><?cs
          var:L.agency_console.doc_download_pre ?> </span><?cs var:d.Filename ?></a></div></td>
        <td data-label="<?cs var:L.agency_console.doc_kind ?>"><div><?cs if:d.Kind == "license" ?><?cs var:L.agency_console.kind_license ?><?cs
          elif:d.Kind == "qualification" ?><?cs var:L.agency_console.kind_qualification ?><?cs else ?><?cs var:L.agency_console.kind_other ?><?cs /if ?></div></td>
        <td data-label="<?cs var:L.agency_console.doc_size ?>"><div><?cs var:d.SizeText ?></div></td>
        <td data-label="<?cs var:L.agency_console.doc_uploaded ?>"><div><?cs var:d.UploadedAt ?></div></td>
      </tr>
      <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="empty-state"><?cs var:L.agency_console.documents_none ?></p>
  <?cs /if ?>

  <h3 id="add-documents"><?cs var:L.agency_console.add_documents ?></h3>
  <form class="form" method="post" action="/agency/documents" enctype="multipart/form-data" aria-labelledby="add-documents">
    <?cs call:csrf_field() ?>
    <div class="field">
      <label for="kind"><?cs var:L.agency_console.document_kind ?></label>
      <select id="kind" name="kind" class="input-short">
        <option value="license"<?cs if:P.DocKind == "license" ?> selected<?cs /if ?>><?cs var:L.agency_console.kind_license ?></option>
        <option value="qualification"<?cs if:P.DocKind == "qualification" ?> selected<?cs /if ?>><?cs var:L.agency_console.kind_qualification ?></option>
        <option value="other"<?cs if:P.DocKind == "other" ?> selected<?cs /if ?>><?cs var:L.agency_console.kind_other ?></option>
      </select>
    </div>
    <div class="field<?cs if:P.DocError ?> has-error<?cs /if ?>">
      <label for="<?cs var:P.DocField ?>"><?cs var:L.agency_console.document ?></label>
      <p class="field-hint" id="document-hint"><?cs var:L.agency_console.document_hint ?></p>
      <?cs if:P.DocError ?><p class="field-error" id="document-error"><span class="field-error-prefix"><?cs
        var:L.common.error_prefix ?></span><?cs var:P.DocError ?><?cs if:string.length(P.DocErrorFile) > 0 ?>
        <?cs var:L.agency_console.error_file ?> <?cs var:P.DocErrorFile ?><?cs /if ?></p><?cs /if ?>
      <input id="<?cs var:P.DocField ?>" name="<?cs var:P.DocField ?>" type="file" multiple required
             accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
             aria-describedby="document-hint<?cs if:P.DocError ?> document-error<?cs /if ?>"<?cs if:P.DocError ?> aria-invalid="true"<?cs /if ?>>
    </div>
    <div class="form-actions"><button class="btn btn-primary" type="submit"><?cs var:L.agency_console.upload ?></button></div>
  </form>
</section>

<section class="console-section" aria-labelledby="agency-members">
  <h2 id="agency-members"><?cs var:L.agency_console.members ?></h2>
  <table class="table table-stack">
    <caption class="visually-hidden"><?cs var:L.agency_console.members_caption ?></caption>
    <thead><tr>
      <th scope="col"><?cs var:L.agency_console.member_name ?></th>
      <th scope="col"><?cs var:L.agency_console.member_phone ?></th>
      <th scope="col"><?cs var:L.agency_console.member_role ?></th>
    </tr></thead>
    <tbody>
      <?cs each:m = P.Members ?>
      <tr>
        <td data-label="<?cs var:L.agency_console.member_name ?>"><div><?cs var:m.Name ?><?cs if:m.Me == 1 ?> <?cs var:L.agency_console.member_you ?><?cs /if ?></div></td>
        <td data-label="<?cs var:L.agency_console.member_phone ?>"><div><?cs var:m.Phone ?></div></td>
        <td data-label="<?cs var:L.agency_console.member_role ?>"><div><?cs if:m.Active == 1 ?><?cs var:L.agency_console.member_active ?><?cs else ?><?cs var:L.agency_console.member_waiting ?><?cs /if ?></div></td>
      </tr>
      <?cs /each ?>
    </tbody>
  </table>
</section>
