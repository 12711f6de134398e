<?cs #
  pages/account/code.cs: the second step of an SMS login or registration: the code that was
  sent. Posts to /login (P.Mode login) or /register (P.Mode register, carrying the name and the
  consent). Reads P.Mode, P.Phone, P.PhoneMasked, P.Name, P.Next, P.Errors.Code, P.TriesLeft.
?>
<h1><?cs var:L.account.code.heading ?></h1>
<p class="notice notice-ok" role="status"><?cs var:L.account.code.sent_pre ?> <strong><?cs var:P.PhoneMasked ?></strong><?cs var:L.account.code.sent_post ?></p>
<form class="form" action="<?cs if:P.Mode == "register" ?>/register<?cs else ?>/login<?cs /if ?>" method="post" novalidate>
  <?cs call:csrf_field() ?>
  <input type="hidden" name="phone" value="<?cs var:P.Phone ?>">
  <?cs if:P.Mode == "register" ?>
  <input type="hidden" name="name" value="<?cs var:P.Name ?>">
  <input type="hidden" name="agree" value="1">
  <?cs /if ?>
  <?cs if:string.length(P.Next) > 0 ?><input type="hidden" name="next" value="<?cs var:P.Next ?>"><?cs /if ?>
  <div class="field<?cs if:string.length(P.Errors.Code) > 0 ?> has-error<?cs /if ?>">
    <label for="sms-code"><?cs var:L.account.code.label ?></label>
    <p class="field-hint" id="sms-code-hint"><?cs var:L.account.code.hint ?></p>
    <?cs if:string.length(P.Errors.Code) > 0 ?><p class="field-error" id="sms-code-error"><span class="field-error-prefix"><?cs var:L.common.error_prefix ?></span><?cs var:P.Errors.Code ?><?cs if:string.length(P.TriesLeft) > 0 ?> <?cs var:L.account.code.tries_pre ?> <?cs var:P.TriesLeft ?> <?cs var:L.account.code.tries_post ?><?cs /if ?></p><?cs /if ?>
    <input type="text" id="sms-code" name="code" value="" class="input-code" inputmode="numeric" autocomplete="one-time-code" maxlength="6" aria-describedby="sms-code-hint<?cs if:string.length(P.Errors.Code) > 0 ?> sms-code-error<?cs /if ?>"<?cs if:string.length(P.Errors.Code) > 0 ?> aria-invalid="true"<?cs /if ?>>
  </div>
  <div class="form-actions">
    <button type="submit" class="btn btn-primary"><?cs if:P.Mode == "register" ?><?cs var:L.account.code.submit_register ?><?cs else ?><?cs var:L.account.code.submit_login ?><?cs /if ?></button>
    <a href="<?cs if:P.Mode == "register" ?>/register<?cs else ?>/login<?cs /if ?><?cs if:string.length(P.Next) > 0 ?>?next=<?cs var:url_escape(P.Next) ?><?cs /if ?>"><?cs var:L.account.code.again ?></a>
  </div>
</form>
