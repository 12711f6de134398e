# The review desk (/review/…), staff unlisting and the admission standard (/admin/standard,
# /standard). Covers: a citizen and an agency member get 403 at /review; the queue is oldest first
# with the wait in words; deciding needs a claim; a missing verdict and a rejection without
# reasons are 400; a rejection writes the verdicts, the review's state, an audit row and the SMS
# (delivered to gatewaysim with "未通过"), and the course's stage is 'rejected'; a decided review
# cannot be decided again (409); after resubmission an approval lists the course (its page and the
# catalog search show it, a course_versions row); a material change (a pending price) shows both
# prices in the diff while the public page keeps the old one, flags a price above the category's
# guide, and goes live on approval; a second reviewer cannot take a fresh claim (409) nor decide
# another's (409) but may take over a claim older than two hours; a reviewer of the agency may not
# claim (403); staff unlisting needs a reason, withdraws a change waiting for review, takes the
# course off the public pages and is audited; /admin/standard adds, edits and retires items
# (audited) as /standard and the decision checklist show, a retired item is not asked for; price
# guides are edited and published; an item title with <script> is escaped; the proposed cover's
# thumbnail is shown.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use CM;
use Test::More;
CM::tap_utf8();

sub zh { return CM::lang_str('zh-CN', $_[0]) }
sub has_text { my ($r, $key) = @_; return index(CM::text($r->{content}), zh($key)) >= 0 }

my $site = CM::psql("SELECT id FROM sites ORDER BY id LIMIT 1");
my $cat = CM::psql("SELECT id FROM categories WHERE slug = 'health'");
CM::psql("UPDATE categories SET price_guide_fen_per_hour = 4000 WHERE id = $cat");

# An approved agency with a member (logged in in $jm) and a mobile contact.
my $contact = CM::fresh_phone();
my ($agency, $member, $jm) = CM::approved_agency(name => "审核测试机构$$", address => '明湖市某路 2 号',
	contact_name => '张联系', contact_phone => $contact, intro => '测试机构简介，十个字以上。');
my $teacher = CM::psql("INSERT INTO teachers (agency_id, name, kind, qualifications) VALUES ($agency,"
	. " '王老师', 'full_time', '高级中学教师资格证 20193300142000123') RETURNING id");

# A draft course with one draft offering (¥120.00, 10 class hours: ¥12.00 an hour) and a teacher.
sub draft_course {
	my ($title) = @_;
	my $cid = CM::psql("INSERT INTO courses (agency_id, category_id, title, summary, description, audience,"
		. " mode, hours, status) VALUES ($agency, $cat, " . CM::sql_str($title) . ", '太极拳基础动作与呼吸。',"
		. " '## 课程安排\n\n每周两次，**循序渐进**。', 'seniors', 'offline', 10, 'draft') RETURNING id");
	my $oid = CM::psql("INSERT INTO offerings (course_id, site_id, name, starts_on, ends_on, schedule,"
		. " capacity, price_fen, enroll_opens_at, enroll_closes_at, status) VALUES ($cid, $site, '春季班',"
		. " current_date + 30, current_date + 90, '每周二、四 09:00–11:00', 30, 12000, now() - interval '1 day',"
		. " now() + interval '20 days', 'draft') RETURNING id");
	CM::psql("INSERT INTO offering_teachers (offering_id, teacher_id, agency_id) VALUES ($oid, $teacher, $agency)");
	return ($cid, $oid);
}
sub submit { my ($cid) = @_; return CM::psql("SELECT listing_submit($cid, $member, '请审核，谢谢。')") }

# The verdicts of a decision form: every v_N on the page set to pass, some overridden.
sub verdicts {
	my ($html, %set) = @_;
	my %v = map { ($_ => 'pass') } $html =~ /name="v_(\d+)"/g;
	@v{ keys %set } = values %set;
	return map { ("v_$_" => $v{$_}) } keys %v;
}
sub audit_count {
	my ($action, $id) = @_;
	return CM::psql("SELECT count(*) FROM audit_log WHERE action = '$action' AND object_type = 'course'"
		. " AND object_id = $id");
}

my $rv1 = CM::make_user(roles => 10, name => '审核员甲');
my $rv2 = CM::make_user(roles => 10, name => '审核员乙');
my $admin = CM::make_user(roles => 66, name => '管理员丙');
my ($j1, $j2, $ja, $jc) = map { CM::jar() } 1 .. 4;
CM::login_as($rv1, $j1);
CM::login_as($rv2, $j2);
CM::login_as($admin, $ja);
CM::login_as(CM::make_user(), $jc);

# --- who may come in --------------------------------------------------------------------------------
is(CM::get('/review', jar => $jc)->{status}, 403, 'a citizen gets 403 at /review');
is(CM::get('/review', jar => $jm)->{status}, 403, 'an agency member gets 403 at /review');
is(CM::get('/admin/standard', jar => $j1)->{status}, 403, 'a reviewer gets 403 at /admin/standard');

# --- the queue ----------------------------------------------------------------------------------------
my $title = "太极审核课$$";
my ($cid, $oid) = draft_course($title);
my $rid = submit($cid);
CM::psql("UPDATE listing_reviews SET submitted_at = now() - interval '3 days 2 hours 5 minutes' WHERE id = $rid");
my ($cid_b) = draft_course("较新的课$$");
my $rid_b = submit($cid_b);
my $r = CM::get('/review', jar => $j1);
is($r->{status}, 200, 'a reviewer gets /review') or diag CM::brief($r);
like($r->{headers}{'cache-control'} // '', qr/no-store/, '… not cached');
my $open = CM::text(CM::section($r->{content}, qr/<section[^>]*id="open"/));
ok(index($open, $title) >= 0 && index($open, "较新的课$$") > index($open, $title), 'oldest first');
like($open, qr/已等待 3 天 2 小时/, '… with the wait in words');
ok(index($open, '审核测试机构') >= 0, '… the agency');
ok(index($open, zh('review.kind_new')) >= 0, '… the kind');
$r = CM::get('/review?show=mine', jar => $j1);
ok(index(CM::text($r->{content}), $title) < 0, '"mine" leaves out the unclaimed');

# --- the submission page ------------------------------------------------------------------------------
$r = CM::get("/review/$rid", jar => $j1);
is($r->{status}, 200, 'the submission page') or diag CM::brief($r);
my $csrf = CM::form_value($r->{content}, 'csrf');
ok(has_text($r, 'review.diff_first'), 'a first listing says so');
CM::has($r->{content}, qr{<h4>课程安排</h4>}, 'the description is rendered from Markdown');
CM::hasnt($r->{content}, qr{/media/covers/}, 'no cover, no image');
CM::psql("UPDATE listing_reviews SET proposed = jsonb_set(proposed, '{cover}', '\"" . ('cd' x 16) . "\"') WHERE id = $rid");
CM::has(CM::get("/review/$rid", jar => $j1)->{content}, qr{<img src="/media/covers/${\ ('cd' x 16)}-t\.jpg"},
	"the proposed cover's thumbnail");
CM::psql("UPDATE listing_reviews SET proposed = proposed - 'cover' || '{\"cover\": null}' WHERE id = $rid");
CM::has($r->{content}, qr{<strong>循序渐进</strong>}, '… with emphasis');
ok(index(CM::text($r->{content}), '高级中学教师资格证') >= 0, 'the teacher with qualifications');
ok(index(CM::text($r->{content}), zh('review.teacher_full_time')) >= 0, '… and kind');
ok(index(CM::text($r->{content}), '¥40.00') >= 0, 'the category price guide');
ok(index(CM::text($r->{content}), '¥12.00') >= 0, '… and the price per class hour');
ok(index(CM::text($r->{content}), zh('review.above_guide')) < 0, '… not flagged when within');
ok(index(CM::text($r->{content}), '请审核，谢谢。') >= 0, "the agency's note");
my @items = $r->{content} =~ /name="v_(\d+)" value="pass"/g;
is(scalar @items, CM::psql("SELECT count(*) FROM admission_items WHERE active"), 'a verdict for every active item');
CM::has($r->{content}, qr{action="/review/$rid/claim"}, 'a claim button');

$r = CM::post("/review/$rid/decide", { csrf => $csrf, decision => 'approve', verdicts($r->{content}) }, jar => $j1);
is($r->{status}, 409, 'deciding without a claim is refused');
ok(has_text($r, 'review.err_claim_first'), '… saying to claim first');

# --- claim, refusals, rejection -------------------------------------------------------------------------
$r = CM::post("/review/$rid/claim", { csrf => $csrf }, jar => $j1);
is($r->{status}, 303, 'claim') or diag CM::brief($r);
is(CM::psql("SELECT claimed_by FROM listing_reviews WHERE id = $rid"), $rv1, '… claimed by the reviewer');
my $page = CM::get("/review/$rid", jar => $j1)->{content};
my %v = verdicts($page);
delete $v{ (sort keys %v)[0] };
$r = CM::post("/review/$rid/decide", { csrf => $csrf, decision => 'approve', %v }, jar => $j1);
is($r->{status}, 400, 'a missing verdict is 400');
ok(has_text($r, 'review.err_verdict_missing'), '… saying every item needs one');
$r = CM::post("/review/$rid/decide", { csrf => $csrf, decision => 'reject', verdicts($page, $items[0] => 'fail') }, jar => $j1);
is($r->{status}, 400, 'a rejection without reasons is 400');
ok(has_text($r, 'review.err_reasons'), '… saying reasons are needed');
$r = CM::post("/review/$rid/decide", { csrf => $csrf, decision => 'reject', reasons => '价格不清楚', verdicts($page) }, jar => $j1);
is($r->{status}, 400, 'a rejection with no failed item is 400');
$r = CM::post("/review/$rid/decide", { csrf => $csrf, decision => 'approve', verdicts($page, $items[0] => 'fail') }, jar => $j1);
is($r->{status}, 400, 'an approval with a failed item is 400');
is(CM::psql("SELECT state FROM listing_reviews WHERE id = $rid"), 'submitted', '… nothing decided');

my $reasons = '教师资格证书编号无法核实，请补充。';
$r = CM::post("/review/$rid/decide", { csrf => $csrf, decision => 'reject', reasons => $reasons,
	verdicts($page, $items[1] => 'fail'), "n_$items[1]" => '证书编号不全' }, jar => $j1);
is($r->{status}, 303, 'a rejection with reasons') or diag CM::brief($r);
is(CM::psql("SELECT state || '|' || decided_by || '|' || reasons FROM listing_reviews WHERE id = $rid"),
	"rejected|$rv1|$reasons", 'the review is rejected, by the reviewer, with the reasons');
is(CM::psql("SELECT count(*) FROM review_verdicts WHERE review_id = $rid"), scalar @items, 'a verdict row per item');
is(CM::psql("SELECT verdict || '|' || note FROM review_verdicts WHERE review_id = $rid AND item_id = $items[1]"),
	'fail|证书编号不全', '… with the note');
is(audit_count('listing.reject', $cid), 1, 'a listing.reject audit row');
is(CM::psql("SELECT detail->>'reasons' FROM audit_log WHERE action = 'listing.reject' AND object_id = $cid"), $reasons, '… with the reasons');
is(CM::psql("SELECT stage FROM course_listing_state WHERE course_id = $cid"), 'rejected', "the course's stage is rejected");
my ($told) = CM::eventually(sub { [CM::sim_messages($contact)] }, sub { @{ $_[0] } > 0 }, 15);
is($told->[0]{params}{result} // '', '未通过', 'the agency contact gets the SMS: 未通过');
is($told->[0]{params}{course} // '', $title, '… naming the course');
$r = CM::post("/review/$rid/decide", { csrf => $csrf, decision => 'approve', verdicts($page) }, jar => $j1);
is($r->{status}, 409, 'a decided review cannot be decided again');
ok(has_text($r, 'review.err_not_open'), '… saying why');

# --- resubmission and approval --------------------------------------------------------------------------
my $rid2 = submit($cid);
CM::post("/review/$rid2/claim", { csrf => $csrf }, jar => $j1);
$page = CM::get("/review/$rid2", jar => $j1)->{content};
$r = CM::post("/review/$rid2/decide", { csrf => $csrf, decision => 'approve', verdicts($page) }, jar => $j1);
is($r->{status}, 303, 'approve') or diag CM::brief($r);
is(CM::psql("SELECT status FROM courses WHERE id = $cid"), 'listed', 'the course is listed');
is(CM::psql("SELECT status FROM offerings WHERE id = $oid"), 'open', '… its offering open');
is(CM::psql("SELECT count(*) FROM course_versions WHERE course_id = $cid AND review_id = $rid2 AND cause = 'approved'"), 1,
	'a course_versions row');
is(audit_count('listing.approve', $cid), 1, 'a listing.approve audit row');
is(CM::psql("SELECT payload->>'template' FROM outbox WHERE dedupe_key = 'listing_decision:$rid2'"), 'listing_decision',
	'an approval SMS is queued');
($told) = CM::eventually(sub { [CM::sim_messages($contact)] }, sub { ($_[0][0]{params}{result} // '') eq '通过' }, 15);
is($told->[0]{params}{result} // '', '通过', '… and delivered: 通过');
$r = CM::get(CM::nocache("/courses/$cid"));
is($r->{status}, 200, 'the course page is public');
$r = CM::get(CM::nocache('/courses'), query => { q => $title });
ok((grep { $_ == $cid } CM::card_ids($r->{content})), '… and the catalog finds it');

# --- a material change ---------------------------------------------------------------------------------
CM::psql(q{UPDATE offerings SET pending = '{"price_fen": 50000}' WHERE id = } . $oid);
CM::psql(q{UPDATE courses SET pending = '{"mode": "blended"}' WHERE id = } . $cid);
my $rid3 = submit($cid);
is(CM::psql("SELECT kind FROM listing_reviews WHERE id = $rid3"), 'change', 'a change review');
$r = CM::get("/review/$rid3", jar => $j1);
my $diff = CM::text(CM::section($r->{content}, qr/<section[^>]*id="diff"/));
like($diff, qr/\Q@{[zh('review.f_price_fen')]}\E.*¥120\.00.*¥500\.00/, 'the diff shows both prices');
like($diff, qr/\Q@{[zh('review.f_mode')]}\E.*\Q@{[zh('mode.offline')]}\E.*\Q@{[zh('mode.blended')]}\E/, '… and the mode, in words');
ok(index(CM::text($r->{content}), zh('review.above_guide')) >= 0, '¥50.00 an hour is flagged above the ¥40.00 guide');
$r = CM::get(CM::nocache("/courses/$cid"));
ok(index(CM::text($r->{content}), '¥120.00') >= 0 && index(CM::text($r->{content}), '¥500.00') < 0,
	'the public page still shows the old price');

# two reviewers
is(CM::post("/review/$rid3/claim", { csrf => $csrf }, jar => $j1)->{status}, 303, 'the first reviewer claims');
$page = CM::get("/review/$rid3", jar => $j2)->{content};
my $csrf2 = CM::form_value($page, 'csrf');
$r = CM::post("/review/$rid3/claim", { csrf => $csrf2 }, jar => $j2);
is($r->{status}, 409, "a second reviewer cannot take a fresh claim");
ok(has_text($r, 'review.err_claimed'), '… saying why');
$r = CM::post("/review/$rid3/decide", { csrf => $csrf2, decision => 'approve', verdicts($page) }, jar => $j2);
is($r->{status}, 409, "… nor decide the first one's claim");
ok(has_text($r, 'review.err_not_yours'), '… saying why');
CM::psql("UPDATE listing_reviews SET claimed_at = now() - interval '3 hours' WHERE id = $rid3");
is(CM::post("/review/$rid3/claim", { csrf => $csrf2 }, jar => $j2)->{status}, 303, 'a claim older than 2 hours may be taken over');

my $insider = CM::make_user(roles => 14, agency_id => $agency);
my $ji = CM::jar();
CM::login_as($insider, $ji);
my $csrfi = CM::form_value(CM::get("/review/$rid_b", jar => $ji)->{content}, 'csrf');
$r = CM::post("/review/$rid_b/claim", { csrf => $csrfi }, jar => $ji);
is($r->{status}, 403, "a reviewer who is a member of the agency may not claim");
ok(has_text($r, 'review.err_conflict'), '… a conflict of interest, in words');

$r = CM::post("/review/$rid3/decide", { csrf => $csrf2, decision => 'approve', verdicts($page) }, jar => $j2);
is($r->{status}, 303, 'the second reviewer approves the change') or diag CM::brief($r);
is(CM::psql("SELECT price_fen || '|' || (pending IS NULL) FROM offerings WHERE id = $oid"), '50000|true', 'the new price is live');
$r = CM::eventually(sub { CM::get(CM::nocache("/courses/$cid")) }, sub { index(CM::text($_[0]{content}), '¥500.00') >= 0 });
ok(index(CM::text($r->{content}), '¥500.00') >= 0, '… on the public page');

# an approval the schema refuses fails whole and says so
CM::psql("UPDATE offerings SET seats_taken = 5 WHERE id = $oid");
CM::psql(q{UPDATE offerings SET pending = '{"capacity": 3}' WHERE id = } . $oid);
my $rid4 = submit($cid);
CM::post("/review/$rid4/claim", { csrf => $csrf }, jar => $j1);
$page = CM::get("/review/$rid4", jar => $j1)->{content};
CM::has($page, qr{action="/review/courses/$cid/unlist"}, 'a listed course has the unlist form on the decision page');
$r = CM::post("/review/$rid4/decide", { csrf => $csrf, decision => 'approve', verdicts($page) }, jar => $j1);
is($r->{status}, 409, 'an approval that breaks a constraint (capacity below seats taken) is refused');
ok(has_text($r, 'review.err_constraint'), '… saying so');
is(CM::psql("SELECT state || '|' || (SELECT count(*) FROM review_verdicts WHERE review_id = $rid4) FROM listing_reviews WHERE id = $rid4"),
	'submitted|0', '… and nothing of it was kept');
is(CM::psql("SELECT capacity || '|' || (pending->>'capacity') FROM offerings WHERE id = $oid"), '30|3', '… the offering unchanged');
CM::psql("UPDATE listing_reviews SET state = 'withdrawn' WHERE id = $rid4");
CM::psql("UPDATE offerings SET pending = NULL, seats_taken = 0 WHERE id = $oid");
$r = CM::post("/review/$rid4/decide", { csrf => $csrf, decision => 'approve', verdicts($page) }, jar => $j1);
is($r->{status}, 409, 'a withdrawn review cannot be decided');

# --- staff unlisting -----------------------------------------------------------------------------------
$r = CM::get("/review/courses/$cid", jar => $j1);
is($r->{status}, 200, 'the course page for staff');
$r = CM::post("/review/courses/$cid/unlist", { csrf => $csrf }, jar => $j1);
is($r->{status}, 400, 'unlisting without a reason is 400');
ok(has_text($r, 'review.err_unlist_reason'), '… saying a reason is needed');
CM::psql("UPDATE offerings SET pending = '{\"price_fen\": 9900}' WHERE id = $oid");
my $rid5 = submit($cid);
$r = CM::post("/review/courses/$cid/unlist", { csrf => $csrf, reason => '收到多起投诉，暂停销售核查。' }, jar => $j1);
is($r->{status}, 303, 'staff unlisting') or diag CM::brief($r);
is(CM::psql("SELECT state FROM listing_reviews WHERE id = $rid5"), 'withdrawn',
	'a change waiting for review is withdrawn with it, so no approval can put the course back on sale');
is(CM::psql("SELECT detail->>'withdrew_review' FROM audit_log WHERE action = 'listing.unlist' AND object_id = $cid"),
	$rid5, '… as the audit row says');
is(CM::psql("SELECT status || '|' || unlisted_by || '|' || unlisted_reason FROM courses WHERE id = $cid"),
	'unlisted|staff|收到多起投诉，暂停销售核查。', 'the course is unlisted by staff with the reason');
is(audit_count('listing.unlist', $cid), 1, 'a listing.unlist audit row');
is(CM::psql("SELECT count(*) FROM outbox WHERE dedupe_key LIKE 'listing_unlist:$cid:%'"), 1, '… and an SMS');
($told) = CM::eventually(sub { [CM::sim_messages($contact)] }, sub { ($_[0][0]{params}{result} // '') eq '下架' }, 15);
is($told->[0]{params}{result} // '', '下架', '… delivered: 下架');
is(CM::get(CM::nocache("/courses/$cid"))->{status}, 404, 'the course page is gone');
$r = CM::get(CM::nocache('/courses'), query => { q => $title });
ok(!(grep { $_ == $cid } CM::card_ids($r->{content})), '… and the catalog no longer finds it');
is(CM::post("/review/courses/$cid/unlist", { csrf => $csrf, reason => '再次' }, jar => $j1)->{status}, 409,
	'an unlisted course cannot be unlisted again');

# --- the admission standard ---------------------------------------------------------------------------
$r = CM::get('/admin/standard', jar => $ja);
is($r->{status}, 200, 'an admin gets /admin/standard') or diag CM::brief($r);
my $csrfa = CM::form_value($r->{content}, 'csrf');
my $evil = "<script>alert(1)</script>课程有评价$$";
CM::get('/standard');    # in the page cache now: a change of the items must drop it
$r = CM::post('/admin/standard/items', { csrf => $csrfa, title => 'x', title_en => 'Reviews' }, jar => $ja);
is($r->{status}, 400, 'a one-character title is refused');
ok(has_text($r, 'standard.err_title'), '… in words');
$r = CM::post('/admin/standard/items', { csrf => $csrfa, title => $evil, title_en => 'Has reviews',
	guidance => '开课前说明评价方式。', guidance_en => 'Say how learners rate it.', sort => 60 }, jar => $ja);
is($r->{status}, 303, 'an item is added') or diag CM::brief($r);
my $item = CM::psql("SELECT id FROM admission_items WHERE title = " . CM::sql_str($evil));
ok($item, '… stored');
is(CM::psql("SELECT count(*) FROM audit_log WHERE action = 'standard.item_add' AND object_id = $item"), 1, '… audited');
$r = CM::post("/admin/standard/items/$item", { csrf => $csrfa, title => $evil, title_en => 'Learner reviews stated',
	guidance => '开课前说明评价方式。', sort => 60 }, jar => $ja);
is($r->{status}, 303, 'the item is edited');
is(CM::psql("SELECT count(*) FROM audit_log WHERE action = 'standard.item_edit' AND object_id = $item"), 1, '… audited');
$r = CM::post('/admin/standard/items', { csrf => $csrfa, title => $evil, title_en => 'Again' }, jar => $ja);
is($r->{status}, 409, 'a duplicate title is refused');

$r = CM::eventually(sub { CM::get('/standard') }, sub { index(CM::text($_[0]{content}), $evil) >= 0 }, 3);
is($r->{status}, 200, '/standard is public');
ok(index(CM::text($r->{content}), $evil) >= 0, '… shows the new item');
CM::hasnt($r->{content}, qr/<script>alert/, '… escaped');
ok(index(CM::text($r->{content}), '价格符合类目指导价') >= 0, '… and the seeded items');
$r = CM::get(CM::nocache('/standard'), headers => { Cookie => 'lang=en' });
ok(index(CM::text($r->{content}), 'Learner reviews stated') >= 0, '… in English with the edited title_en')
	or diag substr(CM::text($r->{content}), 0, 300);

my ($cid_c) = draft_course("标准测试课$$");
my $rid_c = submit($cid_c);
$r = CM::get("/review/$rid_c", jar => $j1);
CM::has($r->{content}, qr/name="v_$item"/, 'the new item is on the decision checklist');
CM::hasnt($r->{content}, qr/<script>alert/, '… escaped');

$r = CM::post("/admin/standard/items/$item/active", { csrf => $csrfa, active => 0 }, jar => $ja);
is($r->{status}, 303, 'the item is retired');
is(CM::psql("SELECT active FROM admission_items WHERE id = $item"), 'f', '… not deleted, inactive');
is(CM::psql("SELECT count(*) FROM audit_log WHERE action = 'standard.item_retire' AND object_id = $item"), 1, '… audited');
ok(index(CM::text(CM::get(CM::nocache('/standard'))->{content}), $evil) < 0, '… gone from /standard');
$page = CM::get("/review/$rid_c", jar => $j1)->{content};
CM::hasnt($page, qr/name="v_$item"/, '… and from the decision checklist');
CM::post("/review/$rid_c/claim", { csrf => $csrf }, jar => $j1);
$r = CM::post("/review/$rid_c/decide", { csrf => $csrf, decision => 'approve', verdicts($page) }, jar => $j1);
is($r->{status}, 303, 'a decision without the retired item') or diag CM::brief($r);
is(CM::psql("SELECT count(*) FROM review_verdicts WHERE review_id = $rid_c AND item_id = $item"), 0, '… has no verdict for it');

# price guides
$r = CM::post('/admin/standard/guides', { csrf => $csrfa, "g_$cat" => 'abc' }, jar => $ja);
is($r->{status}, 400, 'a price guide that is not an amount is refused');
ok(has_text($r, 'standard.err_guide'), '… in words');
my @guides = map { ("g_$_->[0]" => $_->[1]) } map { [split /\|/] }
	CM::psql("SELECT id || '|' || coalesce(to_char(price_guide_fen_per_hour / 100.0, 'FM999990.00'), '') FROM categories");
my $last_audit = CM::psql("SELECT coalesce(max(id), 0) FROM audit_log");
$r = CM::post('/admin/standard/guides', { csrf => $csrfa, @guides, "g_$cat" => '55.5' }, jar => $ja);
is($r->{status}, 303, 'the price guides are saved') or diag CM::brief($r);
is(CM::psql("SELECT price_guide_fen_per_hour FROM categories WHERE id = $cat"), 5550, '… in fen per hour');
is(CM::psql("SELECT count(*) FROM audit_log WHERE action = 'standard.price_guide' AND id > $last_audit"), 1, '… audited once');
is(CM::psql("SELECT detail->'fen_per_hour'->>'健康养生' FROM audit_log WHERE action = 'standard.price_guide' AND id > $last_audit"),
	5550, '… naming the change');
ok(index(CM::text(CM::get(CM::nocache('/standard'))->{content}), '¥55.50') >= 0, '… and published');

done_testing();
