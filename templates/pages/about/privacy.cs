<?cs # pages/about/privacy.cs: the privacy statement (text in L.about.privacy). ?>
<h1 class="page-title"><?cs var:L.about.privacy.title ?></h1>
<div class="prose">
  <p class="lead"><?cs var:L.about.privacy.intro ?></p>
  <?cs each:sec = L.about.privacy.sections ?>
  <h2><?cs var:sec.heading ?></h2>
  <p><?cs var:sec.text ?></p>
  <?cs /each ?>
</div>
