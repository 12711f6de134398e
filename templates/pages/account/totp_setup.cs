<?cs #
  pages/account/totp_setup.cs: GET /login/totp for a staff member without an authenticator yet:
  the key (grouped in fours) and its otpauth:// address, then the first code to confirm it.
  Reads P.Setup.Key, P.Setup.Uri, P.Next, P.Errors.Code. The page is no-store: it holds a secret.
?>
<h1><?cs var:L.account.totp_setup.heading ?></h1>
<p><?cs var:L.account.totp_setup.intro ?></p>
<dl class="secret-key">
  <dt><?cs var:L.account.totp_setup.key_label ?></dt>
  <dd><code class="totp-key"><?cs var:P.Setup.Key ?></code></dd>
</dl>
<p><?cs var:L.account.totp_setup.uri_label ?></p>
<p><code class="totp-uri"><?cs var:P.Setup.Uri ?></code></p>
<p><?cs var:L.account.totp_setup.confirm ?></p>
<form class="form" action="/login/totp" method="post" novalidate>
  <?cs call:csrf_field() ?>
  <?cs if:string.length(P.Next) > 0 ?><input type="hidden" name="next" value="<?cs var:P.Next ?>"><?cs /if ?>
  <div class="field<?cs if:string.length(P.Errors.Code) > 0 ?> has-error<?cs /if ?>">
    <label for="totp-code"><?cs var:L.account.totp.label ?></label>
    <?cs if:string.length(P.Errors.Code) > 0 ?><?cs call:field_error_id("totp-error", P.Errors.Code) ?><?cs /if ?>
    <input type="text" id="totp-code" name="code" class="input-code" inputmode="numeric" autocomplete="one-time-code" maxlength="6"<?cs if:string.length(P.Errors.Code) > 0 ?> aria-invalid="true" aria-describedby="totp-error"<?cs /if ?>>
  </div>
  <div class="form-actions"><button type="submit" class="btn btn-primary"><?cs var:L.account.totp_setup.submit ?></button></div>
</form>
