<?cs #
  macros.cs: the shared pieces of markup. layout.cs includes this file before the page
  template, so every page can call these macros. The file prints nothing by itself: every
  stretch of text between two macros sits inside a ClearSilver comment.

  Rules that hold for every macro here:
  - Config.VarEscapeMode = html, so every var: is HTML-escaped, inside macros too.
    Nothing here uses uvar: (nor alt:, which is NOT escaped: see docs/ui.md).
  - Hrefs (X.Href, pager.Prev, f.ClearHref...) are whole URLs built and made URL-safe by the
    C code; they are printed with var: inside double-quoted attributes.
  - Every visible word comes from L.* (templates/lang/*/common.hdf).
  - Meaning is never carried by colour alone: each badge says what it means in words.

  Macros (docs/ui.md has examples):
    badge(kind, text)          <span class="badge badge-KIND">text</span>
    seats_badge(n)             "已满" when n <= 0, "仅剩 n 席" when n <= 5, else nothing
    field_error(msg)           an error message for a form field: "错误：" + msg
    field_error_id(id, msg)    the same, with an id for aria-describedby
    error_summary(pre, post)   the role="alert" list of P.ErrorList above a form sent back
    csrf_field()               the hidden CSRF input every method="post" form needs
    breadcrumbs(b)             b.N.Label, b.N.Href (the last one has no Href)
    pager(pager)               pager.Prev, .Next, .Page, .Pages, .Items.N.Href / .Num / .Current
    facet(f)                   f.Name, f.ClearHref, f.Items.N.Label / .Href / .Count / .Selected
    course_card(c)             one course as an <article> with an <h3> title link
?><?cs

# ------------------------------------------------------------------------------------------
  badge(kind, text): a small label. kind is one of
    free   公益免费 (green)              paid  付费课程 (neutral)
    mode   线上 / 线下 / 混合 (teal)     seats few seats left (amber, with "!")
    full   已满 (red, with "×")          info, ok, level: general purpose (teal, green, neutral)
  The "!" and "×" are decorative (aria-hidden): the words carry the meaning.
?><?cs def:badge(kind, text) ?><span class="badge badge-<?cs var:kind ?>"><?cs
  if:kind == "seats" ?><span class="badge-icon" aria-hidden="true">!</span> <?cs
  elif:kind == "full" ?><span class="badge-icon" aria-hidden="true">×</span> <?cs
  /if ?><?cs var:text ?></span><?cs /def ?><?cs

# ------------------------------------------------------------------------------------------
  seats_badge(n): n is the number of seats left (a number; empty prints nothing).
    n <= 0 -> 已满 / Full;  1..5 -> 仅剩 n 席 / Only n places left;  more -> nothing.
?><?cs def:seats_badge(n) ?><?cs
  if:string.length(n) > 0 ?><?cs
    if:#n <= 0 ?><?cs call:badge("full", L.common.full) ?><?cs
    elif:#n <= 5 ?><span class="badge badge-seats"><span class="badge-icon" aria-hidden="true">!</span> <?cs
      var:L.common.seats_left_pre ?> <?cs var:n ?> <?cs var:L.common.seats_left_post ?></span><?cs
    /if ?><?cs
  /if ?><?cs /def ?><?cs

# ------------------------------------------------------------------------------------------
  field_error(msg): put it between the <label> (and hint) and the field, inside
  <div class="field has-error">, and mark the field aria-invalid="true".
  field_error_id(id, msg): the same with an id, for aria-describedby="id" on the field.
?><?cs def:field_error(msg) ?><p class="field-error"><span class="field-error-prefix"><?cs
  var:L.common.error_prefix ?></span><?cs var:msg ?></p><?cs /def ?><?cs

def:field_error_id(id, msg) ?><p class="field-error" id="<?cs var:id ?>"><span class="field-error-prefix"><?cs
  var:L.common.error_prefix ?></span><?cs var:msg ?></p><?cs /def ?><?cs

# ------------------------------------------------------------------------------------------
  error_summary(pre, post): the box above a form that was sent back, when P.ErrorList has
  entries (P.ErrorList.N.Field is the field's id, .Message its error in words): a role="alert"
  heading "pre N post" and a list of links to the fields. Prints nothing without errors.
?><?cs def:error_summary(pre, post) ?><?cs if:subcount(P.ErrorList) > 0 ?>
<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title"><?cs var:pre ?> <?cs var:subcount(P.ErrorList) ?> <?cs var:post ?></h2>
  <ul>
    <?cs each:e = P.ErrorList ?>
    <li><a href="#<?cs var:e.Field ?>"><?cs var:e.Message ?></a></li>
    <?cs /each ?>
  </ul>
</div>
<?cs /if ?><?cs /def ?><?cs

# ------------------------------------------------------------------------------------------
  csrf_field(): the hidden input every <form method="post"> needs (Page.Csrf).
?><?cs def:csrf_field() ?><input type="hidden" name="csrf" value="<?cs var:Page.Csrf ?>"><?cs /def ?><?cs

# ------------------------------------------------------------------------------------------
  breadcrumbs(b): b.0.Label/.Href = 首页 /, b.1 ..., the last one is the current page and has
  no Href. Any item without Href is printed as plain text; the last gets aria-current="page".
?><?cs def:breadcrumbs(b) ?>
<nav class="breadcrumbs" aria-label="<?cs var:L.common.breadcrumbs_label ?>">
  <ol>
    <?cs each:crumb = b ?>
    <li><?cs if:crumb.Href ?><a href="<?cs var:crumb.Href ?>"><?cs var:crumb.Label ?></a><?cs
      elif:last(crumb) ?><span aria-current="page"><?cs var:crumb.Label ?></span><?cs
      else ?><span><?cs var:crumb.Label ?></span><?cs /if ?></li>
    <?cs /each ?>
  </ol>
</nav>
<?cs /def ?><?cs

# ------------------------------------------------------------------------------------------
  pager(pager): prints nothing when there is only one page.
    pager.Page, pager.Pages    the current page and the number of pages (numbers)
    pager.Prev, pager.Next     hrefs; empty or absent on the first / last page
    pager.Items.N.Num          the page number to show, or "…" for a gap
    pager.Items.N.Href         its href (none for a gap)
    pager.Items.N.Current      1 on the current page
?><?cs def:pager(pager) ?>
<?cs if:#pager.Pages > 1 ?>
<nav class="pager" aria-label="<?cs var:L.common.pager_label ?>">
  <p class="pager-status"><?cs var:L.common.page_status_pre ?> <?cs var:pager.Page ?> <?cs
    var:L.common.page_status_mid ?> <?cs var:pager.Pages ?> <?cs var:L.common.page_status_post ?></p>
  <ul class="pager-list">
    <?cs if:pager.Prev ?>
    <li class="pager-prev"><a href="<?cs var:pager.Prev ?>" rel="prev"><span aria-hidden="true">‹</span> <?cs var:L.common.prev ?></a></li>
    <?cs /if ?>
    <?cs each:item = pager.Items ?>
    <?cs if:item.Current == 1 ?>
    <li class="pager-current"><a href="<?cs var:item.Href ?>" aria-current="page"><span class="visually-hidden"><?cs
      var:L.common.page_pre ?> </span><?cs var:item.Num ?><?cs if:L.common.page_post ?><span class="visually-hidden"> <?cs
      var:L.common.page_post ?></span><?cs /if ?></a></li>
    <?cs elif:item.Href ?>
    <li><a href="<?cs var:item.Href ?>"><span class="visually-hidden"><?cs
      var:L.common.page_pre ?> </span><?cs var:item.Num ?><?cs if:L.common.page_post ?><span class="visually-hidden"> <?cs
      var:L.common.page_post ?></span><?cs /if ?></a></li>
    <?cs else ?>
    <li class="pager-gap" aria-hidden="true"><?cs var:item.Num ?></li>
    <?cs /if ?>
    <?cs /each ?>
    <?cs if:pager.Next ?>
    <li class="pager-next"><a href="<?cs var:pager.Next ?>" rel="next"><?cs var:L.common.next ?> <span aria-hidden="true">›</span></a></li>
    <?cs /if ?>
  </ul>
</nav>
<?cs /if ?>
<?cs /def ?><?cs

# ------------------------------------------------------------------------------------------
  facet(f): one group of filter links, e.g. 上课方式: 全部 / 线上 (12) / 线下 (30).
  Prints nothing when f has no items.
    f.Name                 the group title (localized), printed as an <h3 class="facet-title">
    f.ClearHref            the href of "全部 / All" (the same search without this filter)
    f.Items.N.Label        the choice (localized)
    f.Items.N.Href         the search with this choice applied
    f.Items.N.Count        how many courses match; a choice with "0" that is not selected is
                           plain text, not a link
    f.Items.N.Selected     1 when this choice is in force
  The choice in force (or "全部" when there is none) gets aria-current="true", a tick and bold.
  The hidden unit after each count is L.common.courses_unit ("门课程"): for counts of other
  things write the list by hand with the same classes (see pages/site/list.cs).
  Tmp.FacetSelected is this macro's scratch space.
?><?cs def:facet(f) ?>
<?cs if:subcount(f.Items) > 0 ?>
<?cs set:Tmp.FacetSelected = 0 ?>
<?cs each:item = f.Items ?><?cs if:item.Selected == 1 ?><?cs set:Tmp.FacetSelected = 1 ?><?cs /if ?><?cs /each ?>
<section class="facet">
  <h3 class="facet-title"><?cs var:f.Name ?></h3>
  <ul class="facet-list">
    <li><?cs if:Tmp.FacetSelected == 0 ?><a href="<?cs var:f.ClearHref ?>" aria-current="true"><span class="facet-check" aria-hidden="true">✓</span><?cs
      else ?><a href="<?cs var:f.ClearHref ?>"><?cs /if ?><span class="facet-label"><?cs var:L.common.all ?></span></a></li>
    <?cs each:item = f.Items ?>
    <?cs if:item.Selected == 1 ?>
    <li><a href="<?cs var:item.Href ?>" aria-current="true"><span class="facet-check" aria-hidden="true">✓</span><span class="facet-label"><?cs
      var:item.Label ?></span><?cs if:string.length(item.Count) > 0 ?> <span class="facet-count"><?cs var:item.Count ?><span class="visually-hidden"> <?cs
      var:L.common.courses_unit ?></span></span><?cs /if ?></a></li>
    <?cs elif:item.Count == "0" ?>
    <li><span class="facet-empty"><span class="facet-label"><?cs var:item.Label ?></span> <span class="facet-count">0<span class="visually-hidden"> <?cs
      var:L.common.courses_unit ?></span></span></span></li>
    <?cs else ?>
    <li><a href="<?cs var:item.Href ?>"><span class="facet-label"><?cs var:item.Label ?></span><?cs
      if:string.length(item.Count) > 0 ?> <span class="facet-count"><?cs var:item.Count ?><span class="visually-hidden"> <?cs
      var:L.common.courses_unit ?></span></span><?cs /if ?></a></li>
    <?cs /if ?>
    <?cs /each ?>
  </ul>
</section>
<?cs /if ?>
<?cs /def ?><?cs

# ------------------------------------------------------------------------------------------
  course_card(c): one course in a list or grid. Put it in the <li> of <ul class="course-grid">
  (cards side by side) or <ul class="course-list"> (one a row), under an <h2>: the title is an <h3>.
    c.Href c.Title c.Summary c.Category c.Mode c.Audience c.Agency   (strings, already localized)
    c.Price        "¥120.00" or "免费"              c.IsFree        1 or 0
    c.Credits      may be empty                      c.Rating        "4.6", may be empty
    c.RatingCount  number of ratings                 c.NextStart     a date, may be empty
    c.SeatsLeft    seats left across its open classes; empty when none is open (see seats_badge)
    c.ThumbSrc     the cover's thumbnail, may be empty; alt="" since the title is right beside it
?><?cs def:course_card(c) ?>
<article class="card course-card">
  <?cs if:c.ThumbSrc ?><img class="card-thumb" src="<?cs var:c.ThumbSrc ?>" alt="" width="480" height="270" loading="lazy"><?cs /if ?>
  <h3 class="card-title"><a href="<?cs var:c.Href ?>"><?cs var:c.Title ?></a></h3>
  <div class="card-badges">
    <?cs if:c.IsFree == 1 ?><?cs call:badge("free", L.common.free_badge) ?><?cs
    else ?><?cs call:badge("paid", L.common.paid_badge) ?><?cs /if ?>
    <?cs if:c.Mode ?><?cs call:badge("mode", c.Mode) ?><?cs /if ?>
    <?cs call:seats_badge(c.SeatsLeft) ?>
  </div>
  <?cs if:c.Summary ?><p class="card-summary"><?cs var:c.Summary ?></p><?cs /if ?>
  <dl class="card-meta">
    <?cs if:c.Category ?><div><dt><?cs var:L.common.category ?></dt><dd><?cs var:c.Category ?></dd></div><?cs /if ?>
    <?cs if:c.Audience ?><div><dt><?cs var:L.common.audience ?></dt><dd><?cs var:c.Audience ?></dd></div><?cs /if ?>
    <?cs if:c.NextStart ?><div><dt><?cs var:L.common.next_start ?></dt><dd><?cs var:c.NextStart ?></dd></div><?cs /if ?>
    <?cs if:string.length(c.Credits) > 0 ?><div><dt><?cs var:L.common.credits ?></dt><dd><?cs var:c.Credits ?></dd></div><?cs /if ?>
    <div><dt><?cs var:L.common.rating ?></dt><dd><?cs if:c.Rating ?><span class="rating-star" aria-hidden="true">★</span> <?cs
      var:c.Rating ?> <?cs var:L.common.rating_count_pre ?><?cs var:c.RatingCount ?> <?cs var:L.common.rating_count_post ?><?cs
      else ?><?cs var:L.common.no_rating ?><?cs /if ?></dd></div>
    <?cs if:c.Agency ?><div><dt><?cs var:L.common.agency ?></dt><dd><?cs var:c.Agency ?></dd></div><?cs /if ?>
  </dl>
  <div class="card-price<?cs if:c.IsFree == 1 ?> is-free<?cs /if ?>"><span class="card-price-label"><?cs
    var:L.common.price ?></span> <strong><?cs var:c.Price ?></strong></div>
</article>
<?cs /def ?>
