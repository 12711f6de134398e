<?cs #
  pages/account/login.cs: GET /login (and the same form again after a refusal). Two ways in: an
  SMS code (request_form.cs, posting to /login/code) and a password (posting to /login).
  Reads what request_form.cs reads, and P.Tab ("password" when the password form was the one
  refused), P.Errors.Password, P.Everywhere (1 after "log out everywhere").
?>
<h1><?cs var:L.account.login.heading ?></h1>
<?cs if:string.length(P.Everywhere) > 0 ?><p class="notice notice-ok" role="status"><?cs var:L.account.login.everywhere ?></p><?cs /if ?>
<div class="account-grid">
  <section class="box" aria-labelledby="login-sms">
    <h2 id="login-sms"><?cs var:L.account.login.sms_heading ?></h2>
    <p><?cs var:L.account.login.intro ?></p>
    <?cs include:"pages/account/request_form.cs" ?>
    <p><a href="/register<?cs if:string.length(P.Next) > 0 ?>?next=<?cs var:url_escape(P.Next) ?><?cs /if ?>"><?cs var:L.account.login.register_link ?></a></p>
  </section>
  <section class="box" aria-labelledby="login-password">
    <h2 id="login-password"><?cs var:L.account.login.password_heading ?></h2>
    <p><?cs var:L.account.login.password_intro ?></p>
    <form class="form" action="/login" method="post" novalidate>
      <?cs call:csrf_field() ?>
      <?cs if:string.length(P.Next) > 0 ?><input type="hidden" name="next" value="<?cs var:P.Next ?>"><?cs /if ?>
      <?cs if:string.length(P.Errors.Password) > 0 ?><div class="field has-error"><?cs call:field_error_id("pw-error", P.Errors.Password) ?></div><?cs /if ?>
      <div class="field">
        <label for="pw-phone"><?cs var:L.account.phone_label ?></label>
        <input type="tel" id="pw-phone" name="phone" value="<?cs if:P.Tab == "password" ?><?cs var:P.Phone ?><?cs /if ?>" class="input-short" inputmode="numeric" autocomplete="username" maxlength="20"<?cs if:string.length(P.Errors.Password) > 0 ?> aria-describedby="pw-error"<?cs /if ?>>
      </div>
      <div class="field">
        <label for="pw-password"><?cs var:L.account.login.password_label ?></label>
        <input type="password" id="pw-password" name="password" autocomplete="current-password" maxlength="256"<?cs if:string.length(P.Errors.Password) > 0 ?> aria-describedby="pw-error"<?cs /if ?>>
      </div>
      <div class="form-actions">
        <button type="submit" class="btn btn-secondary"><?cs var:L.account.login.submit_password ?></button>
      </div>
    </form>
  </section>
</div>
