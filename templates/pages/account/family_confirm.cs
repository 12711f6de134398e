<?cs #
  pages/account/family_confirm.cs: after POST /me/family: the code the family member received.
  Reads P.Phone, P.PhoneMasked, P.Relation, P.ElderName, P.Errors.Code, P.TriesLeft.
?>
<h1><?cs var:L.account.family_confirm.heading ?></h1>
<p class="notice notice-ok" role="status"><?cs var:L.account.family_confirm.sent_pre ?> <strong><?cs var:P.ElderName ?>（<?cs var:P.PhoneMasked ?>）</strong><?cs var:L.account.family_confirm.sent_post ?></p>
<form class="form" action="/me/family/confirm" method="post" novalidate>
  <?cs call:csrf_field() ?>
  <input type="hidden" name="elder_phone" value="<?cs var:P.Phone ?>">
  <input type="hidden" name="elder_name" value="<?cs var:P.ElderName ?>">
  <input type="hidden" name="relation" value="<?cs var:P.Relation ?>">
  <div class="field<?cs if:string.length(P.Errors.Code) > 0 ?> has-error<?cs /if ?>">
    <label for="family-code"><?cs var:L.account.family_confirm.label ?></label>
    <?cs if:string.length(P.Errors.Code) > 0 ?><p class="field-error" id="family-code-error"><span class="field-error-prefix"><?cs var:L.common.error_prefix ?></span><?cs var:P.Errors.Code ?><?cs if:string.length(P.TriesLeft) > 0 ?> <?cs var:L.account.code.tries_pre ?> <?cs var:P.TriesLeft ?> <?cs var:L.account.code.tries_post ?><?cs /if ?></p><?cs /if ?>
    <input type="text" id="family-code" name="code" class="input-code" inputmode="numeric" autocomplete="off" maxlength="6"<?cs if:string.length(P.Errors.Code) > 0 ?> aria-invalid="true" aria-describedby="family-code-error"<?cs /if ?>>
  </div>
  <div class="form-actions">
    <button type="submit" class="btn btn-primary"><?cs var:L.account.family_confirm.submit ?></button>
    <a href="/me"><?cs var:L.account.family_confirm.back ?></a>
  </div>
</form>
