<?cs #
  pages/account/totp_setup.cs: GET /login/totp for a staff member without an authenticator yet:
  the key (grouped in fours) and its otpauth:// address, then the first code to confirm it.
  Reads P.Setup.Key, P.Setup.Uri, P.Setup.Qr (the same address as a QR code, a data: URI),
  P.Next, P.Errors.Code. The page is no-store: it holds a secret.
?>
<h1><?cs var:L.account.totp_setup.heading ?></h1>
<p><?cs var:L.account.totp_setup.intro ?></p>
<?cs if:string.length(P.Setup.Qr) > 0 ?>
<p><?cs var:L.account.totp_setup.scan ?></p>
<p class="totp-qr"><img src="<?cs var:P.Setup.Qr ?>" width="240" height="240" alt="<?cs var:L.account.totp_setup.qr_alt ?>"></p>
<p><?cs var:L.account.totp_setup.or_type ?></p>
<?cs /if ?>
<dl class="secret-key">
  <dt><?cs var:L.account.totp_setup.key_label ?></dt>
  <dd><code class="totp-key"><?cs var:P.Setup.Key ?></code></dd>
</dl>
<p><?cs var:L.account.totp_setup.uri_label ?></p>
<p><code class="totp-uri"><?cs var:P.Setup.Uri ?></code></p>
<p><?cs var:L.account.totp_setup.confirm ?></p>
<?cs set:Tmp.TotpSubmit = L.account.totp_setup.submit ?><?cs include:"pages/account/totp_form.cs" ?>
