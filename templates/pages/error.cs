<?cs #
  pages/error.cs: every error page (4xx, 5xx), inside layout.cs.
  Reads: P.Status (404, 400, 403, 413, 500...), P.Title and P.Message (localized strings the C code
  took from L.error.<kind>.title / .message), P.Detail (optional, already localized: e.g. which
  parameter was bad), Page.RequestId, Page.Q, User.Name.
  A 404 offers a search box; every error links home and to the catalog.
?>
<div class="error-page">
  <?cs if:P.Status ?><p class="error-code"><?cs var:L.error.code ?> <?cs var:P.Status ?></p><?cs /if ?>
  <h1><?cs if:P.Title ?><?cs var:P.Title ?><?cs else ?><?cs var:L.error.internal.title ?><?cs /if ?></h1>
  <p class="lead"><?cs if:P.Message ?><?cs var:P.Message ?><?cs else ?><?cs var:L.error.internal.message ?><?cs /if ?><?cs
    if:P.Detail ?> <strong class="error-detail"><?cs var:P.Detail ?></strong><?cs /if ?></p>

  <?cs if:P.Status == 404 ?>
  <form class="search search-large" role="search" aria-label="<?cs var:L.error.search_label ?>" action="/courses" method="get">
    <label for="error-q"><?cs var:L.error.search_label ?></label>
    <div class="search-row">
      <input type="search" id="error-q" name="q" value="<?cs var:Page.Q ?>" placeholder="<?cs var:L.nav.search_placeholder ?>" maxlength="100">
      <button type="submit" class="btn btn-primary"><?cs var:L.nav.search_button ?></button>
    </div>
  </form>
  <?cs /if ?>

  <h2 class="error-next"><?cs var:L.error.what_next ?></h2>
  <ul class="link-list">
    <?cs if:P.Status == 403 && !User.Name ?>
    <li><a href="/login<?cs if:string.length(Page.Path) > 0 ?>?next=<?cs var:url_escape(Page.Path) ?><?cs /if ?>"><?cs var:L.error.login ?></a></li>
    <?cs /if ?>
    <li><a href="/courses"><?cs var:L.error.go_catalog ?></a></li>
    <li><a href="/"><?cs var:L.error.go_home ?></a></li>
  </ul>

  <?cs if:Page.RequestId ?>
  <p class="request-id"><?cs var:L.error.request_id ?> <code><?cs var:Page.RequestId ?></code></p>
  <p class="request-help"><?cs var:L.error.help ?></p>
  <?cs /if ?>
</div>
