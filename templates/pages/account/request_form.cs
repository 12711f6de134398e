<?cs #
  pages/account/request_form.cs: the first step of an SMS login or registration, included by
  login.cs and register.cs: phone (and, to register, a name and the privacy consent) and the check
  question, posted to /login/code. Reads P.Mode (login, register), P.Phone, P.Name, P.Agree,
  P.Next, P.Challenge.Token/.Question, P.Errors.Phone/.Answer/.Name/.Agree,
  P.Refusal.Reason/.RetryAt.
?>
<?cs if:string.length(P.Refusal.Reason) > 0 ?>
<div class="notice notice-error" role="alert">
  <h2><?cs var:L.account.refused_heading ?></h2>
  <p><?cs var:P.Refusal.Reason ?> <?cs var:L.account.retry_pre ?> <strong><?cs var:P.Refusal.RetryAt ?></strong> <?cs var:L.account.retry_post ?></p>
</div>
<?cs /if ?>
<form class="form" action="/login/code" method="post" novalidate>
  <?cs call:csrf_field() ?>
  <input type="hidden" name="mode" value="<?cs var:P.Mode ?>">
  <input type="hidden" name="challenge" value="<?cs var:P.Challenge.Token ?>">
  <?cs if:string.length(P.Next) > 0 ?><input type="hidden" name="next" value="<?cs var:P.Next ?>"><?cs /if ?>
  <?cs if:P.Mode == "register" ?>
  <div class="field<?cs if:string.length(P.Errors.Name) > 0 ?> has-error<?cs /if ?>">
    <label for="reg-name"><?cs var:L.account.register.name_label ?> <span class="req"><?cs var:L.account.required ?></span></label>
    <p class="field-hint" id="reg-name-hint"><?cs var:L.account.register.name_hint ?></p>
    <?cs if:string.length(P.Errors.Name) > 0 ?><?cs call:field_error_id("reg-name-error", P.Errors.Name) ?><?cs /if ?>
    <input type="text" id="reg-name" name="name" value="<?cs var:P.Name ?>" maxlength="20" autocomplete="nickname" aria-describedby="reg-name-hint<?cs if:string.length(P.Errors.Name) > 0 ?> reg-name-error<?cs /if ?>"<?cs if:string.length(P.Errors.Name) > 0 ?> aria-invalid="true"<?cs /if ?>>
  </div>
  <?cs /if ?>
  <div class="field<?cs if:string.length(P.Errors.Phone) > 0 ?> has-error<?cs /if ?>">
    <label for="sms-phone"><?cs var:L.account.phone_label ?> <span class="req"><?cs var:L.account.required ?></span></label>
    <p class="field-hint" id="sms-phone-hint"><?cs var:L.account.phone_hint ?></p>
    <?cs if:string.length(P.Errors.Phone) > 0 ?><?cs call:field_error_id("sms-phone-error", P.Errors.Phone) ?><?cs /if ?>
    <input type="tel" id="sms-phone" name="phone" value="<?cs var:P.Phone ?>" class="input-short" inputmode="numeric" autocomplete="tel-national" maxlength="20" aria-describedby="sms-phone-hint<?cs if:string.length(P.Errors.Phone) > 0 ?> sms-phone-error<?cs /if ?>"<?cs if:string.length(P.Errors.Phone) > 0 ?> aria-invalid="true"<?cs /if ?>>
  </div>
  <div class="field<?cs if:string.length(P.Errors.Answer) > 0 ?> has-error<?cs /if ?>">
    <label for="sms-answer"><?cs var:L.account.challenge.label ?>：<?cs var:P.Challenge.Question ?> <span class="req"><?cs var:L.account.required ?></span></label>
    <p class="field-hint" id="sms-answer-hint"><?cs var:L.account.challenge.hint ?></p>
    <?cs if:string.length(P.Errors.Answer) > 0 ?><?cs call:field_error_id("sms-answer-error", P.Errors.Answer) ?><?cs /if ?>
    <input type="text" id="sms-answer" name="answer" value="" class="input-code" inputmode="numeric" autocomplete="off" maxlength="4" aria-describedby="sms-answer-hint<?cs if:string.length(P.Errors.Answer) > 0 ?> sms-answer-error<?cs /if ?>"<?cs if:string.length(P.Errors.Answer) > 0 ?> aria-invalid="true"<?cs /if ?>>
  </div>
  <?cs if:P.Mode == "register" ?>
  <div class="field<?cs if:string.length(P.Errors.Agree) > 0 ?> has-error<?cs /if ?>">
    <?cs if:string.length(P.Errors.Agree) > 0 ?><?cs call:field_error_id("reg-agree-error", P.Errors.Agree) ?><?cs /if ?>
    <p class="choice"><input type="checkbox" id="reg-agree" name="agree" value="1"<?cs if:P.Agree == 1 ?> checked<?cs /if ?><?cs if:string.length(P.Errors.Agree) > 0 ?> aria-invalid="true" aria-describedby="reg-agree-error"<?cs /if ?>>
      <label for="reg-agree"><?cs var:L.account.register.agree_label ?></label></p>
    <p><a href="/privacy"><?cs var:L.account.register.privacy_link ?></a></p>
  </div>
  <?cs /if ?>
  <div class="form-actions">
    <button type="submit" class="btn btn-primary"><?cs var:L.account.next_step ?></button>
  </div>
</form>
