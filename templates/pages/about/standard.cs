<?cs #
  pages/about/standard.cs: GET /standard, the published admission standard (cgi-bin/pages/
  admin_standard.c). Reads: P.Items.N.Title Guidance (in the page's language), P.Guides.N.Name
  Guide (¥ per class hour, empty for none).
?>
<h1 class="page-title"><?cs var:L.standard.title ?></h1>
<div class="prose">
  <p class="lead"><?cs var:L.standard.intro ?></p>
  <h2><?cs var:L.standard.items_heading ?></h2>
  <?cs if:subcount(P.Items) > 0 ?>
  <ol class="standard-items">
    <?cs each:it = P.Items ?><li><strong><?cs var:it.Title ?></strong><?cs if:string.length(it.Guidance) > 0 ?><br><?cs var:it.Guidance ?><?cs /if ?></li><?cs /each ?>
  </ol>
  <?cs else ?><p><?cs var:L.standard.items_none ?></p><?cs /if ?>
  <h2><?cs var:L.standard.guides_heading ?></h2>
  <p><?cs var:L.standard.guides_hint ?></p>
  <table class="table">
    <thead><tr><th scope="col"><?cs var:L.standard.category ?></th><th scope="col"><?cs var:L.standard.guide ?></th></tr></thead>
    <tbody>
    <?cs each:g = P.Guides ?><tr><td><?cs var:g.Name ?></td><td><?cs if:string.length(g.Guide) > 0 ?><?cs var:g.Guide ?><?cs else ?><?cs var:L.standard.guide_none ?><?cs /if ?></td></tr><?cs /each ?>
    </tbody>
  </table>
</div>
