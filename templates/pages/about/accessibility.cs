<?cs # pages/about/accessibility.cs: the accessibility statement (text in L.about.a11y). ?>
<h1 class="page-title"><?cs var:L.about.a11y.title ?></h1>
<div class="prose">
  <p class="lead"><?cs var:L.about.a11y.intro ?></p>
  <h2><?cs var:L.about.a11y.what_heading ?></h2>
  <ul>
    <?cs each:item = L.about.a11y.what ?><li><?cs var:item ?></li><?cs /each ?>
  </ul>
  <h2><?cs var:L.about.a11y.how_heading ?></h2>
  <ul>
    <?cs each:item = L.about.a11y.how ?><li><?cs var:item ?></li><?cs /each ?>
  </ul>
  <p><a href="<?cs var:Page.SwitchText ?>"><?cs if:Page.LargeText == 1 ?><?cs var:L.a11y.large_text_off ?><?cs else ?><?cs var:L.a11y.large_text_on ?><?cs /if ?></a></p>
  <h2><?cs var:L.about.a11y.contact_heading ?></h2>
  <p><?cs var:L.about.a11y.contact ?></p>
</div>
