<?cs #
  pages/account/recovery_codes.cs: shown once, right after a staff member confirms the
  authenticator: the recovery codes. Reads P.Codes.N, P.Next. No-store.
?>
<h1><?cs var:L.account.recovery.heading ?></h1>
<p><?cs var:L.account.recovery.intro ?></p>
<ol class="recovery-codes">
  <?cs each:c = P.Codes ?><li><code><?cs var:c ?></code></li><?cs /each ?>
</ol>
<p><a class="btn btn-primary" href="<?cs var:P.Next ?>"><?cs var:L.account.recovery.continue ?></a></p>
