# The admin desk (/admin/…, administrators only): agencies waiting for a decision, decisions
# (approve, reject with reasons, suspend) with their audit rows and SMS in the outbox, the
# agency's resubmission after a rejection, role grants and revokes, the outbox's dead letters and
# their requeue, and the audit trail. Covers: an agency member and a citizen get 403; a POST
# without the CSRF token is 403; approve → the agency is public, its members have role 4, an
# agency.approve row and an agency_decision SMS keyed by that row; reject needs reasons, the
# agency sees them, corrects its details and is pending again (agency.resubmit); suspend takes
# role 4 away and the public page; grants and revokes are audited, staff roles need a password,
# and an admin cannot drop their own admin role; phone numbers are masked; audit_log refuses
# UPDATE and DELETE; a dead letter is requeued (pending, due now, attempts reset) once.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use CM;
use Test::More;
CM::tap_utf8();

my $district = CM::psql("SELECT id FROM regions WHERE level = 'district' ORDER BY code LIMIT 1");

# A pending agency with one member and one document row, as registration leaves it.
sub pending_agency {
	my ($name) = @_;
	my $phone = CM::fresh_phone();
	my $id = CM::psql("INSERT INTO agencies (name, credit_code, region_id, address, contact_name,"
		. " contact_phone, intro, status) VALUES (" . CM::sql_str($name) . ", '" . CM::credit_code()
		. "', $district, '明湖市某路 1 号', '李联系', '$phone', '测试机构简介，十个字以上。', 'pending')"
		. " RETURNING id");
	CM::psql("INSERT INTO agency_documents (agency_id, kind, filename, media_type, size_bytes, sha256,"
		. " storage_name) VALUES ($id, 'license', 'licence-$id.pdf', 'application/pdf', 10,"
		. " sha256('x'), md5('$id-$$'))");
	my $member = CM::make_user(agency_id => $id);
	return ($id, $member, $phone);
}
sub audit_count {
	my ($action, $type, $id) = @_;
	return CM::psql("SELECT count(*) FROM audit_log WHERE action = '$action' AND object_type = '$type'"
		. " AND object_id = $id");
}
sub page_has_text { my ($r, $key) = @_; return index(CM::text($r->{content}), CM::lang_str('zh-CN', $key)) >= 0 }

my $admin = CM::make_user(roles => 66, name => '管理员甲');
my $aj = CM::jar();
CM::login_as($admin, $aj);

# --- who may come in --------------------------------------------------------------------------------
my ($a1, $m1, $p1) = pending_agency("待审机构一$$");
my $mj = CM::jar();
CM::login_as($m1, $mj);
my $agency_member = CM::make_user(roles => 6, agency_id => CM::psql("SELECT id FROM agencies WHERE status = 'approved' LIMIT 1"));
my $amj = CM::jar();
CM::login_as($agency_member, $amj);
is(CM::get('/admin/users', jar => $amj)->{status}, 403, 'an agency member gets 403 at /admin/users');
is(CM::get('/admin/users', jar => $mj)->{status}, 403, 'a citizen gets 403');
is(CM::get('/admin/audit', jar => $mj)->{status}, 403, '… and at /admin/audit');
is(CM::get('/admin/users', jar => CM::jar())->{status}, 303, 'someone not logged in is sent to log in');

my $r = CM::get('/admin/users', jar => $aj);
is($r->{status}, 200, 'an admin gets /admin/users') or diag CM::brief($r);
like($r->{headers}{'cache-control'} // '', qr/no-store/, '… not cached');
my $csrf = CM::form_value($r->{content}, 'csrf');
my $pending = CM::section($r->{content}, qr/<section[^>]*id="pending"/);
ok(index(CM::text($pending), "待审机构一$$") >= 0, 'the pending agency is listed');
ok(index($pending, $p1) < 0, '… its contact phone not in full');
ok(index($pending, substr($p1, 0, 3) . '****' . substr($p1, 7)) >= 0, '… but masked');
CM::has($pending, qr{href="/agency/documents/\d+"}, '… with its documents');

# --- decisions --------------------------------------------------------------------------------------
$r = CM::post("/admin/agencies/$a1/decide", { decision => 'approve' }, jar => $aj);
is($r->{status}, 403, 'a decision without the CSRF token is 403');
is(CM::psql("SELECT status FROM agencies WHERE id = $a1"), 'pending', '… and changes nothing');

$r = CM::post("/admin/agencies/$a1/decide", { csrf => $csrf, decision => 'approve' }, jar => $aj);
is($r->{status}, 303, 'approve is a 303') or diag CM::brief($r);
like($r->{headers}{location}, qr{\A/admin/users\?done=approve}, '… back to the desk');
is(CM::psql("SELECT status || '|' || (decided_by = $admin) FROM agencies WHERE id = $a1"), 'approved|true',
	'the agency is approved, by this admin');
is(CM::psql("SELECT roles & 4 FROM users WHERE id = $m1"), 4, 'its member has the agency role');
is(audit_count('agency.approve', 'agency', $a1), 1, 'an agency.approve audit row');
my $audit_id = CM::psql("SELECT id FROM audit_log WHERE action = 'agency.approve' AND object_id = $a1");
is(CM::psql("SELECT actor_id FROM audit_log WHERE id = $audit_id"), $admin, '… naming the admin');
my $sms = CM::psql("SELECT kind || '|' || (payload->>'phone') || '|' || (payload->>'template')"
	. " FROM outbox WHERE dedupe_key = 'agency_decision:$a1:$audit_id'");
is($sms, "sms|$p1|agency_decision", 'an SMS to the contact is in the outbox, keyed by the audit row');
my ($told) = CM::eventually(sub { [CM::sim_messages($p1)] }, sub { @{ $_[0] } > 0 }, 15);
is($told->[0]{params}{result} // '', 'approved', '… and the courier delivers it to the contact');
$r = CM::eventually(sub { CM::get("/agencies/$a1") }, sub { $_[0]{status} == 200 });
is($r->{status}, 200, 'the public agency page shows the approved agency');
$r = CM::post("/admin/agencies/$a1/decide", { csrf => $csrf, decision => 'reject', note => '晚了' }, jar => $aj);
is($r->{status}, 409, 'rejecting an approved agency is refused');
ok(page_has_text($r, 'admin.err_transition'), '… saying why');
is(CM::psql("SELECT status FROM agencies WHERE id = $a1"), 'approved', '… and changes nothing');

# reject, then resubmit
my ($a2, $m2, $p2) = pending_agency("待审机构二$$");
$r = CM::post("/admin/agencies/$a2/decide", { csrf => $csrf, decision => 'reject', note => '  ' }, jar => $aj);
is($r->{status}, 400, 'a rejection without reasons is refused');
ok(page_has_text($r, 'admin.err_reasons'), '… saying reasons are needed');
is(CM::psql("SELECT status FROM agencies WHERE id = $a2"), 'pending', '… the agency still pending');
my $reasons = '营业执照照片不清楚，请重新上传；地址缺少门牌号。';
$r = CM::post("/admin/agencies/$a2/decide", { csrf => $csrf, decision => 'reject', note => $reasons }, jar => $aj);
is($r->{status}, 303, 'a rejection with reasons is a 303') or diag CM::brief($r);
is(CM::psql("SELECT status || '|' || decision_note FROM agencies WHERE id = $a2"), "rejected|$reasons",
	'the agency is rejected with the reasons');
is(audit_count('agency.reject', 'agency', $a2), 1, 'an agency.reject audit row');
my $rej_audit = CM::psql("SELECT id FROM audit_log WHERE action = 'agency.reject' AND object_id = $a2");
is(CM::psql("SELECT detail->>'reasons' FROM audit_log WHERE id = $rej_audit"), $reasons, '… keeping the reasons');
is(CM::psql("SELECT count(*) FROM outbox WHERE dedupe_key = 'agency_decision:$a2:$rej_audit'"), 1,
	'the contact is told by SMS');
my ($told2) = CM::eventually(sub { [CM::sim_messages($p2)] }, sub { @{ $_[0] } > 0 }, 15);
is($told2->[0]{params}{result} // '', 'rejected', '… which the courier delivers');
is(CM::psql("SELECT roles & 4 FROM users WHERE id = $m2"), 0, 'the member has no agency role');

my $j2 = CM::jar();
CM::login_as($m2, $j2);
$r = CM::get('/agency', jar => $j2);
is($r->{status}, 200, 'the rejected agency\'s member sees the console');
ok(index(CM::text($r->{content}), $reasons) >= 0, '… with the admin\'s reasons');
ok(page_has_text($r, 'agency_console.rejected_next'), '… and what to do');
CM::has($r->{content}, qr{href="/agency/edit"}, '… and a way to correct the details');
$r = CM::get('/agency/edit', jar => $j2);
is($r->{status}, 200, 'the edit form answers');
is(CM::form_value($r->{content}, 'agency_name'), "待审机构二$$", '… filled in with the details');
my $csrf2 = CM::form_value($r->{content}, 'csrf');
my %form = (csrf => $csrf2, agency_name => "待审机构二$$", credit_code => CM::form_value($r->{content}, 'credit_code'),
	district => $district, address => '明湖市某路 1 号 2 号楼 301 室', contact_name => '李联系',
	contact_phone => $p2, intro => '测试机构简介，十个字以上。');
$r = CM::post('/agency/edit', { %form, contact_phone => '12345' }, jar => $j2);
is($r->{status}, 400, 'a bad phone on resubmission is refused');
is(CM::form_value($r->{content}, 'address'), $form{address}, '… with the form still filled in');
$r = CM::post('/agency/edit', \%form, jar => $j2);
is($r->{status}, 303, 'the corrected details are resubmitted') or diag CM::brief($r);
is(CM::psql("SELECT status || '|' || address FROM agencies WHERE id = $a2"), "pending|$form{address}",
	'the agency is pending again with the new address');
is(audit_count('agency.resubmit', 'agency', $a2), 1, 'an agency.resubmit audit row');
$r = CM::get('/agency?done=resubmitted', jar => $j2);
ok(page_has_text($r, 'agency_console.pending_next'), 'the console says it is under review again');

# suspend
$r = CM::post("/admin/agencies/$a1/decide", { csrf => $csrf, decision => 'suspend' }, jar => $aj);
is($r->{status}, 303, 'suspend is a 303') or diag CM::brief($r);
is(CM::psql("SELECT status FROM agencies WHERE id = $a1"), 'suspended', 'the agency is suspended');
is(CM::psql("SELECT roles & 4 FROM users WHERE id = $m1"), 0, 'its member lost the agency role');
is(audit_count('agency.suspend', 'agency', $a1), 1, 'an agency.suspend audit row');
$r = CM::eventually(sub { CM::get("/agencies/$a1") }, sub { $_[0]{status} == 404 });
is($r->{status}, 404, 'the public page of a suspended agency is a 404');

# --- roles --------------------------------------------------------------------------------------
my $staff_phone = CM::fresh_phone();
my $staff = CM::make_user(phone => $staff_phone, name => '张审核');
CM::psql(q{UPDATE users SET password_hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$unusable'} . " WHERE id = $staff");
my $nopw = CM::make_user(name => "无密码用户$$");

$r = CM::get('/admin/users', query => { q => $staff_phone }, jar => $aj);
is($r->{status}, 200, 'the search by phone answers');
my $users = CM::section($r->{content}, qr/<section[^>]*id="users"/);
ok(index(CM::text($users), '张审核') >= 0, '… finding the user');
ok(index($users, $staff_phone) < 0 || index($users, "value=\"$staff_phone\"") >= 0,
	'… showing the phone only masked (besides the search box)');
ok(index($users, substr($staff_phone, 0, 3) . '****') >= 0, '… masked');
CM::has($users, qr{action="/admin/users/$staff/roles"}, '… with the role buttons');

$r = CM::post("/admin/users/$staff/roles", { csrf => $csrf, role => 'reviewer', op => 'grant', q => $staff_phone }, jar => $aj);
is($r->{status}, 303, 'granting the reviewer role is a 303') or diag CM::brief($r);
is(CM::psql("SELECT roles & 8 FROM users WHERE id = $staff"), 8, 'the user is a reviewer');
is(audit_count('user.role_grant', 'user', $staff), 1, 'a user.role_grant audit row');
is(CM::psql("SELECT detail->>'role' FROM audit_log WHERE action = 'user.role_grant' AND object_id = $staff"),
	'reviewer', '… naming the role');
$r = CM::post("/admin/users/$staff/roles", { csrf => $csrf, role => 'reviewer', op => 'revoke' }, jar => $aj);
is($r->{status}, 303, 'revoking it is a 303');
is(CM::psql("SELECT roles & 8 FROM users WHERE id = $staff"), 0, 'the user is no longer a reviewer');
is(audit_count('user.role_revoke', 'user', $staff), 1, 'a user.role_revoke audit row');

$r = CM::get('/admin/users', query => { q => "无密码用户$$" }, jar => $aj);
ok(page_has_text($r, 'admin.no_password'), 'a user without a password is shown as such');
$r = CM::post("/admin/users/$nopw/roles", { csrf => $csrf, role => 'finance', op => 'grant' }, jar => $aj);
is($r->{status}, 409, 'a staff role for a user without a password is refused');
ok(page_has_text($r, 'admin.err_no_password'), '… saying so');
is(CM::psql("SELECT roles FROM users WHERE id = $nopw"), 2, '… roles unchanged');
is(audit_count('user.role_grant', 'user', $nopw), 0, '… nothing audited');

$r = CM::post("/admin/users/$admin/roles", { csrf => $csrf, role => 'admin', op => 'revoke' }, jar => $aj);
is($r->{status}, 409, 'an admin cannot drop their own admin role');
ok(page_has_text($r, 'admin.err_own_admin'), '… and is told why');
is(CM::psql("SELECT roles & 64 FROM users WHERE id = $admin"), 64, '… still an admin');
is(audit_count('user.role_revoke', 'user', $admin), 0, '… nothing audited');
my $admin2 = CM::make_user(roles => 66);
$r = CM::post("/admin/users/$admin2/roles", { csrf => $csrf, role => 'admin', op => 'revoke' }, jar => $aj);
is($r->{status}, 303, 'another admin\'s admin role can be revoked');
is(CM::psql("SELECT roles & 64 FROM users WHERE id = $admin2"), 0, '… and is');

# --- the audit trail is append-only -----------------------------------------------------------------
eval { CM::psql("UPDATE audit_log SET action = 'x.y' WHERE id = $audit_id") };
like($@, qr/append-only/, 'audit_log refuses UPDATE');
eval { CM::psql("DELETE FROM audit_log WHERE id = $audit_id") };
like($@, qr/append-only/, 'audit_log refuses DELETE');
is(CM::psql("SELECT action FROM audit_log WHERE id = $audit_id"), 'agency.approve', 'the row is unchanged');

$r = CM::get('/admin/audit', query => { action => 'agency.approve', object_type => 'agency', object_id => $a1 }, jar => $aj);
is($r->{status}, 200, '/admin/audit answers') or diag CM::brief($r);
like($r->{headers}{'cache-control'} // '', qr/no-store/, '… not cached');
my @actions = $r->{content} =~ m{<td><code>([a-z_]+\.[a-z_]+)</code></td>}g;
is_deeply(\@actions, ['agency.approve'], '… filtered to that action and object');

# --- dead letters -----------------------------------------------------------------------------------
my $dead_phone = CM::fresh_phone();
my $dead = CM::psql("INSERT INTO outbox (kind, dedupe_key, payload, status, attempts, last_error, done_at,"
	. " run_at) VALUES ('sms', 'test-dead-$$', jsonb_build_object('phone', '$dead_phone', 'template',"
	. " 'login_code', 'params', jsonb_build_object('code', '246810')), 'dead', 8, 'gateway said isv.BUSINESS_LIMIT_CONTROL',"
	. " now(), now() - interval '1 day') RETURNING id");
$r = CM::get('/admin/users', jar => $aj);
my $dl = CM::section($r->{content}, qr/<section[^>]*id="dead"/);
ok(index($dl, 'isv.BUSINESS_LIMIT_CONTROL') >= 0, 'the dead letter is listed with its last error');
ok(index($dl, $dead_phone) < 0, '… its phone not in full');
ok(index($dl, substr($dead_phone, 0, 3) . '****' . substr($dead_phone, 7)) >= 0, '… but masked');
CM::has($dl, qr{action="/admin/outbox/$dead/retry"}, '… with a requeue button');
$r = CM::post("/admin/outbox/$dead/retry", {}, jar => $aj);
is($r->{status}, 403, 'a requeue without the CSRF token is 403');
$r = CM::post("/admin/outbox/$dead/retry", { csrf => $csrf }, jar => $aj);
is($r->{status}, 303, 'the requeue is a 303') or diag CM::brief($r);
# the instance's courier takes a requeued job at once: it is sent (an attempt counted afresh)
my $after = CM::eventually(sub { CM::psql("SELECT status || '|' || attempts FROM outbox WHERE id = $dead") },
	sub { $_[0] eq 'done|1' }, 15);
is($after, 'done|1', 'the job was requeued with its attempts reset, and the courier sent it');
ok(scalar(CM::sim_messages($dead_phone)) >= 1, '… to the phone');
is(audit_count('outbox.retry', 'outbox', $dead), 1, 'an outbox.retry audit row');
$r = CM::post("/admin/outbox/$dead/retry", { csrf => $csrf }, jar => $aj);
is($r->{status}, 409, 'requeueing a job that is no longer dead is refused');
is(audit_count('outbox.retry', 'outbox', $dead), 1, '… and not audited twice');

done_testing();
