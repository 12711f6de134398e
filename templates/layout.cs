<?cs #
  layout.cs: the frame of every HTML page. The C code renders this file; it includes
  macros.cs and then the page template named by Page.Template (relative to templates/).

  Reads: Page.Lang Page.Title Page.Description Page.Template Page.Nav Page.LargeText
         Page.Path Page.SwitchLang Page.SwitchText Page.Csrf Page.Q Page.Static
         Page.AssetVersion Page.Styles.N Page.Scripts.N User.Name, and L.* strings.
  Needs no JavaScript. No pop-ups, no adverts, no carousels: see docs/ui.md.
?><!DOCTYPE html>
<?cs include:"macros.cs" ?><?cs if:!Page.Static ?><?cs set:Page.Static = "/static" ?><?cs /if ?>
<html lang="<?cs if:Page.Lang ?><?cs var:Page.Lang ?><?cs else ?><?cs var:L.lang_code ?><?cs /if ?>"<?cs if:Page.LargeText == 1 ?> class="large-text"<?cs /if ?>>
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title><?cs if:Page.Title ?><?cs var:Page.Title ?> - <?cs var:L.site.name ?><?cs else ?><?cs var:L.site.name ?> - <?cs var:L.site.tagline ?><?cs /if ?></title>
  <meta name="description" content="<?cs if:Page.Description ?><?cs var:Page.Description ?><?cs else ?><?cs var:L.site.description ?><?cs /if ?>">
  <link rel="stylesheet" href="<?cs var:Page.Static ?>/css/site.css<?cs if:string.length(Page.AssetVersion) > 0 ?>?v=<?cs var:url_escape(Page.AssetVersion) ?><?cs /if ?>">
  <?cs each:style = Page.Styles ?>
  <link rel="stylesheet" href="<?cs if:string.slice(style, 0, 1) != "/" ?><?cs var:Page.Static ?>/<?cs /if ?><?cs var:style ?><?cs if:string.length(Page.AssetVersion) > 0 ?>?v=<?cs var:url_escape(Page.AssetVersion) ?><?cs /if ?>">
  <?cs /each ?>
  <link rel="icon" href="<?cs var:Page.Static ?>/img/favicon.svg" type="image/svg+xml">
  <meta name="theme-color" content="#0b5c66">
</head>
<body<?cs if:Page.LargeText == 1 ?> class="large-text"<?cs /if ?>>
<a class="skip-link" href="#main"><?cs var:L.a11y.skip ?></a>

<header class="site-header">
  <div class="masthead">
    <div class="wrap masthead-inner">
      <a class="brand" href="/">
        <img class="brand-logo" src="<?cs var:Page.Static ?>/img/logo.svg" alt="" width="48" height="48">
        <span class="brand-text">
          <span class="brand-name"><?cs var:L.site.name ?></span>
          <span class="brand-tagline"><?cs var:L.site.tagline ?></span>
        </span>
      </a>
      <nav class="tools" aria-label="<?cs var:L.nav.tools_label ?>">
        <ul>
          <li><a href="<?cs if:string.length(Page.SwitchLang) > 0 ?><?cs var:Page.SwitchLang ?><?cs else ?>/prefs?lang=<?cs var:url_escape(L.nav.switch_lang_code) ?><?cs /if ?>" hreflang="<?cs var:L.nav.switch_lang_code ?>" lang="<?cs var:L.nav.switch_lang_code ?>"><?cs var:L.nav.switch_lang ?></a></li>
          <?cs if:string.length(Page.SwitchText) > 0 ?>
          <li><a href="<?cs var:Page.SwitchText ?>"><?cs if:Page.LargeText == 1 ?><?cs var:L.a11y.large_text_off ?><?cs else ?><?cs var:L.a11y.large_text_on ?><?cs /if ?></a></li>
          <?cs /if ?>
          <?cs if:User.Name ?>
          <li class="tools-user"><a href="/me"><span class="visually-hidden"><?cs var:L.nav.signed_in_as ?> </span><?cs var:User.Name ?><span class="tools-me"> · <?cs var:L.nav.me ?></span></a></li>
          <li>
            <form class="tools-logout" action="/logout" method="post">
              <?cs call:csrf_field() ?>
              <button type="submit" class="link-button"><?cs var:L.nav.logout ?></button>
            </form>
          </li>
          <?cs elif:Page.Path == "/" || string.slice(Page.Path, 0, 6) == "/login" || string.slice(Page.Path, 0, 9) == "/register" ?>
          <li><a href="/login"><?cs var:L.nav.login ?></a></li>
          <?cs else ?>
          <li><a href="/login?next=<?cs var:url_escape(Page.Path) ?>"><?cs var:L.nav.login ?></a></li>
          <?cs /if ?>
        </ul>
      </nav>
    </div>
  </div>
  <div class="header-bar">
    <div class="wrap header-bar-inner">
      <nav class="main-nav" aria-label="<?cs var:L.nav.label ?>">
        <ul>
          <li><a href="/"<?cs if:Page.Nav == "home" ?> aria-current="page"<?cs /if ?>><?cs var:L.nav.home ?></a></li>
          <li><a href="/courses"<?cs if:Page.Nav == "courses" ?> aria-current="page"<?cs /if ?>><?cs var:L.nav.courses ?></a></li>
          <li><a href="/map"<?cs if:Page.Nav == "map" ?> aria-current="page"<?cs /if ?>><?cs var:L.nav.map ?></a></li>
          <li><a href="/sites"<?cs if:Page.Nav == "sites" ?> aria-current="page"<?cs /if ?>><?cs var:L.nav.sites ?></a></li>
        </ul>
      </nav>
      <form class="search header-search" role="search" aria-label="<?cs var:L.nav.search_label ?>" action="/courses" method="get">
        <label class="visually-hidden" for="site-q"><?cs var:L.nav.search_label ?></label>
        <input type="search" id="site-q" name="q" value="<?cs var:Page.Q ?>" placeholder="<?cs var:L.nav.search_placeholder ?>" maxlength="100" enterkeyhint="search">
        <button type="submit" class="btn btn-primary"><?cs var:L.nav.search_button ?></button>
      </form>
    </div>
  </div>
</header>

<main id="main" tabindex="-1" class="site-main">
  <div class="wrap">
<?cs if:Page.Template ?><?cs include:Page.Template ?><?cs /if ?>
  </div>
</main>

<footer class="site-footer" aria-label="<?cs var:L.footer.label ?>">
  <div class="wrap footer-grid">
    <section>
      <h2><?cs var:L.footer.about_heading ?></h2>
      <p><?cs var:L.footer.about ?></p>
    </section>
    <section>
      <h2><?cs var:L.footer.network_heading ?></h2>
      <p><?cs var:L.footer.network ?></p>
    </section>
    <section>
      <h2><?cs var:L.footer.a11y_heading ?></h2>
      <p><?cs var:L.footer.a11y ?></p>
    </section>
    <section>
      <h2><?cs var:L.footer.links_heading ?></h2>
      <ul class="footer-links">
        <li><a href="/courses"><?cs var:L.footer.link_courses ?></a></li>
        <li><a href="/sites"><?cs var:L.footer.link_sites ?></a></li>
        <li><a href="/map"><?cs var:L.footer.link_map ?></a></li>
        <li><a href="/accessibility"><?cs var:L.footer.link_accessibility ?></a></li>
        <li><a href="/privacy"><?cs var:L.footer.link_privacy ?></a></li>
        <li><a href="/standard"><?cs var:L.footer.link_standard ?></a></li>
      </ul>
    </section>
  </div>
  <div class="wrap footer-bottom">
    <p><?cs var:L.footer.host ?></p>
    <p><?cs var:L.footer.hotline ?></p>
  </div>
</footer>
<?cs each:script = Page.Scripts ?>
<script src="<?cs if:string.slice(script, 0, 1) != "/" ?><?cs var:Page.Static ?>/<?cs /if ?><?cs var:script ?><?cs if:string.length(Page.AssetVersion) > 0 ?>?v=<?cs var:url_escape(Page.AssetVersion) ?><?cs /if ?>" defer></script>
<?cs /each ?>
</body>
</html>
