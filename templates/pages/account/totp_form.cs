<?cs #
  pages/account/totp_form.cs: the authenticator-code form, included by totp.cs and totp_setup.cs.
  Reads P.Next, P.Errors.Code, and Tmp.TotpSubmit (the button's words, set by the includer).
?>
<form class="form" action="/login/totp" method="post" novalidate>
  <?cs call:csrf_field() ?>
  <?cs if:string.length(P.Next) > 0 ?><input type="hidden" name="next" value="<?cs var:P.Next ?>"><?cs /if ?>
  <div class="field<?cs if:string.length(P.Errors.Code) > 0 ?> has-error<?cs /if ?>">
    <label for="totp-code"><?cs var:L.account.totp.label ?></label>
    <?cs if:string.length(P.Errors.Code) > 0 ?><?cs call:field_error_id("totp-error", P.Errors.Code) ?><?cs /if ?>
    <input type="text" id="totp-code" name="code" class="input-code" inputmode="numeric" autocomplete="one-time-code" maxlength="6"<?cs if:string.length(P.Errors.Code) > 0 ?> aria-invalid="true" aria-describedby="totp-error"<?cs /if ?>>
  </div>
  <div class="form-actions"><button type="submit" class="btn btn-primary"><?cs var:Tmp.TotpSubmit ?></button></div>
</form>
