<?cs #
  sim/messages.cs: gatewaysim's page for developers (GET /sim/), outside the app's layout: the latest
  SMS messages gatewaysim accepted, newest first, with the text the phone would show, so whoever
  runs script/server can read the code "sent" to a phone. Development and tests only.
  Reads: Sim.Phone (the filter, may be empty), Sim.AccessKeyId, Sim.SignName, and
  Sim.Messages.N.{id, provider, phone, template_code, text, context, provider_id, received_at}.
  Every var: is HTML-escaped (Config.VarEscapeMode = html).
?><!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gatewaysim 短信 SMS</title>
<style>
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 1.5rem; line-height: 1.5; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
.sms-text { font-size: 1.15rem; }
</style>
</head>
<body>
<main>
<h1>gatewaysim：收到的短信 (SMS received)</h1>
<p>开发与测试专用，勿用于生产 (development and tests only). 账号 AccessKeyId/SecretId
<code><?cs var:Sim.AccessKeyId ?></code>，签名 <?cs var:Sim.SignName ?>.</p>
<form method="get" action="/sim/">
  <label for="phone">手机号 (phone)</label>
  <input id="phone" name="phone" value="<?cs var:Sim.Phone ?>" inputmode="numeric" maxlength="14">
  <button type="submit">筛选 (filter)</button>
  <a href="/sim/">全部 (all)</a>
</form>
<?cs if:subcount(Sim.Messages) == 0 ?>
<p>还没有短信 (no messages yet).</p>
<?cs else ?>
<table>
<caption>最新 50 条，最新的在前 (latest 50, newest first)</caption>
<thead><tr><th scope="col">时间 (received)</th><th scope="col">手机号 (phone)</th><th scope="col">短信内容 (text)</th><th scope="col">服务商 (provider)</th><th scope="col">模板 (template)</th><th scope="col">OutId / SessionContext</th><th scope="col">BizId / SerialNo</th></tr></thead>
<tbody>
<?cs each:m = Sim.Messages ?>
<tr><td><?cs var:m.received_at ?></td><td><?cs var:m.phone ?></td><td class="sms-text"><?cs var:m.text ?></td><td><?cs var:m.provider ?></td><td><?cs var:m.template_code ?></td><td><?cs var:m.context ?></td><td><?cs var:m.provider_id ?></td></tr>
<?cs /each ?>
</tbody>
</table>
<?cs /if ?>
</main>
</body>
</html>
