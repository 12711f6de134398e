<?cs #
  pages/account/totp.cs: GET /login/totp for staff with an authenticator: the 6-digit code, or a
  recovery code instead. Reads P.Next, P.Errors.Code.
?>
<h1><?cs var:L.account.totp.heading ?></h1>
<p><?cs var:L.account.totp.intro ?></p>
<?cs set:Tmp.TotpSubmit = L.account.totp.submit ?><?cs include:"pages/account/totp_form.cs" ?>
<section class="box" aria-labelledby="totp-recovery">
  <h2 id="totp-recovery"><?cs var:L.account.totp.recovery_heading ?></h2>
  <p><?cs var:L.account.totp.recovery_intro ?></p>
  <form class="form" action="/login/totp" method="post" novalidate>
    <?cs call:csrf_field() ?>
    <?cs if:string.length(P.Next) > 0 ?><input type="hidden" name="next" value="<?cs var:P.Next ?>"><?cs /if ?>
    <div class="field">
      <label for="totp-recovery-code"><?cs var:L.account.totp.recovery_label ?></label>
      <input type="text" id="totp-recovery-code" name="recovery" class="input-short" autocomplete="off" maxlength="20">
    </div>
    <div class="form-actions"><button type="submit" class="btn btn-secondary"><?cs var:L.account.totp.recovery_submit ?></button></div>
  </form>
</section>
