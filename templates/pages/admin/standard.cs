<?cs #
  pages/admin/standard.cs: GET /admin/standard, the admission standard's items and the categories'
  price guides, inside layout.cs (cgi-bin/pages/admin_standard.c). Shown again with the refused
  form filled in and its error.
  Reads:
    P.Done                 added | edited | retired | reactivated | guides
    P.Error
    P.Items.N.Id Title TitleEn Guidance GuidanceEn Sort Active (Error when this form was refused)
    P.Add.Title TitleEn Guidance GuidanceEn Sort Error (the add form, refused)
    P.Guides.N.Id Name Yuan, P.GuideError
?>
<p class="muted"><?cs var:L.admin.desk ?></p>
<h1><?cs var:L.standard.admin_title ?></h1>
<p><a href="/standard"><?cs var:L.standard.public_link ?></a> · <a href="/admin/users"><?cs var:L.admin.users_link ?></a></p>

<?cs if:P.Done ?>
<div class="notice notice-ok" role="status"><p><strong><?cs var:L.standard.ok_prefix ?></strong> <?cs
  if:P.Done == "added" ?><?cs var:L.standard.done_added ?><?cs
  elif:P.Done == "edited" ?><?cs var:L.standard.done_edited ?><?cs
  elif:P.Done == "retired" ?><?cs var:L.standard.done_retired ?><?cs
  elif:P.Done == "reactivated" ?><?cs var:L.standard.done_reactivated ?><?cs
  else ?><?cs var:L.standard.done_guides ?><?cs /if ?></p></div>
<?cs /if ?>
<?cs if:P.Error ?>
<div class="notice notice-error" role="alert"><p><strong><?cs var:L.standard.error_prefix ?></strong> <?cs var:P.Error ?></p></div>
<?cs /if ?>

<?cs def:item_fields(prefix, it) ?>
  <div class="field">
    <label for="<?cs var:prefix ?>-title"><?cs var:L.standard.item_title ?></label>
    <p class="field-hint"><?cs var:L.standard.item_title_hint ?></p>
    <input type="text" id="<?cs var:prefix ?>-title" name="title" maxlength="100" required value="<?cs var:it.Title ?>">
  </div>
  <div class="field">
    <label for="<?cs var:prefix ?>-title-en"><?cs var:L.standard.item_title_en ?></label>
    <p class="field-hint"><?cs var:L.standard.item_title_en_hint ?></p>
    <input type="text" id="<?cs var:prefix ?>-title-en" name="title_en" maxlength="200" required value="<?cs var:it.TitleEn ?>">
  </div>
  <div class="field">
    <label for="<?cs var:prefix ?>-guidance"><?cs var:L.standard.item_guidance ?></label>
    <textarea id="<?cs var:prefix ?>-guidance" name="guidance" rows="3" maxlength="1000"><?cs var:it.Guidance ?></textarea>
  </div>
  <div class="field">
    <label for="<?cs var:prefix ?>-guidance-en"><?cs var:L.standard.item_guidance_en ?></label>
    <textarea id="<?cs var:prefix ?>-guidance-en" name="guidance_en" rows="3" maxlength="2000"><?cs var:it.GuidanceEn ?></textarea>
  </div>
  <div class="field">
    <label for="<?cs var:prefix ?>-sort"><?cs var:L.standard.item_sort ?></label>
    <input type="number" id="<?cs var:prefix ?>-sort" name="sort" value="<?cs var:it.Sort ?>">
  </div>
<?cs /def ?>

<section class="console-section" id="items" aria-labelledby="items-heading">
  <h2 id="items-heading"><?cs var:L.standard.items_heading ?></h2>
  <?cs each:it = P.Items ?>
  <article class="card" id="item-<?cs var:it.Id ?>" aria-labelledby="item-h-<?cs var:it.Id ?>">
    <h3 id="item-h-<?cs var:it.Id ?>" class="card-title"><?cs var:it.Title ?><?cs if:it.Active != 1 ?> <?cs call:badge("level", L.standard.retired) ?><?cs /if ?></h3>
    <?cs if:it.Error ?><?cs call:field_error(it.Error) ?><?cs /if ?>
    <form class="form" method="post" action="/admin/standard/items/<?cs var:it.Id ?>">
      <?cs call:csrf_field() ?>
      <?cs call:item_fields("i" + it.Id, it) ?>
      <button class="btn btn-primary" type="submit"><?cs var:L.standard.save ?><span class="visually-hidden"> <?cs var:it.Title ?></span></button>
    </form>
    <form class="form" method="post" action="/admin/standard/items/<?cs var:it.Id ?>/active">
      <?cs call:csrf_field() ?>
      <?cs if:it.Active == 1 ?>
      <input type="hidden" name="active" value="0">
      <button class="btn btn-danger" type="submit"><?cs var:L.standard.retire ?><span class="visually-hidden"> <?cs var:it.Title ?></span></button>
      <?cs else ?>
      <input type="hidden" name="active" value="1">
      <button class="btn" type="submit"><?cs var:L.standard.reactivate ?><span class="visually-hidden"> <?cs var:it.Title ?></span></button>
      <?cs /if ?>
    </form>
  </article>
  <?cs /each ?>
</section>

<section class="console-section" id="add" aria-labelledby="add-heading">
  <h2 id="add-heading"><?cs var:L.standard.add_heading ?></h2>
  <?cs if:P.Add.Error ?><?cs call:field_error(P.Add.Error) ?><?cs /if ?>
  <form class="form" method="post" action="/admin/standard/items">
    <?cs call:csrf_field() ?>
    <?cs call:item_fields("add", P.Add) ?>
    <button class="btn btn-primary" type="submit"><?cs var:L.standard.add ?></button>
  </form>
</section>

<section class="console-section" id="guides" aria-labelledby="guides-heading">
  <h2 id="guides-heading"><?cs var:L.standard.guides_heading ?></h2>
  <?cs if:P.GuideError ?><?cs call:field_error(P.GuideError) ?><?cs /if ?>
  <form class="form" method="post" action="/admin/standard/guides">
    <?cs call:csrf_field() ?>
    <?cs each:g = P.Guides ?>
    <div class="field">
      <label for="g-<?cs var:g.Id ?>"><?cs var:g.Name ?>: <?cs var:L.standard.guide_label ?></label>
      <input type="text" inputmode="decimal" id="g-<?cs var:g.Id ?>" name="g_<?cs var:g.Id ?>" maxlength="12" value="<?cs var:g.Yuan ?>">
    </div>
    <?cs /each ?>
    <button class="btn btn-primary" type="submit"><?cs var:L.standard.save_guides ?></button>
  </form>
</section>
