<?cs #
  pages/account/register.cs: GET /register: the first step of registering (request_form.cs with
  P.Mode = register: a name, the phone, the check question and the privacy consent).
?>
<h1><?cs var:L.account.register.heading ?></h1>
<p class="lead"><?cs var:L.account.register.intro ?></p>
<?cs include:"pages/account/request_form.cs" ?>
<p><a href="/login<?cs if:string.length(P.Next) > 0 ?>?next=<?cs var:url_escape(P.Next) ?><?cs /if ?>"><?cs var:L.account.register.login_link ?></a></p>
