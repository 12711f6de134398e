-- Demo data for CourseMart: the fictional city of 明湖市 (Minghu City).
--
-- Loaded by `coursemart demo` after the migrations, inside one transaction, as one PQexec string:
-- plain SQL only (no BEGIN/COMMIT, no psql meta-commands, no COPY). Needs the categories of
-- schema/0003_categories.sql.
--
-- Everything is deterministic: instead of random() the generated values come from md5() of a
-- fixed key (e.g. 'offering:17:2'), so the same rows load every time. Only the dates move: course
-- offerings are placed relative to current_date, so a freshly loaded demo always has classes that
-- are starting soon, running now and already over.
--
-- Helper tables are ordinary temporary tables (not ON COMMIT DROP, so the file also works in
-- autocommit mode) and are dropped at the end.
--
-- Region codes use the unassigned prefix 99 (real province codes stop at 82): 6 digits for the city
-- and districts, 9 for streets (001-099 街道, 100-199 镇) and 12 for communities (001-199 社区,
-- 200-399 村), following GB/T 2260 and the statistical division codes.

-- ---------------------------------------------------------------------------------------------
-- 1. Regions: 明湖市 → 6 districts → 21 streets/towns → 49 communities/villages.
--    For districts, lat/lng is the position of the district community college. For streets and
--    communities, bearing (degrees from north) and dist (metres) place the street learning centre
--    relative to its district college and the community school relative to its street centre.
-- ---------------------------------------------------------------------------------------------

CREATE TEMP TABLE demo_region (
    code        text PRIMARY KEY,
    parent_code text,
    level       text NOT NULL,
    name        text NOT NULL,
    name_en     text NOT NULL,
    road        text,
    bearing     double precision,
    dist        double precision,
    lat         double precision,
    lng         double precision
);

INSERT INTO demo_region (code, parent_code, level, name, name_en, road, bearing, dist, lat, lng) VALUES
    ('990100', NULL, 'city', '明湖市', 'Minghu City', NULL, NULL, NULL, 31.2300, 121.4700),

    ('990102', '990100', 'district', '湖滨区', 'Hubin District',     NULL, NULL, NULL, 31.2330, 121.4745),
    ('990103', '990100', 'district', '明德区', 'Mingde District',    NULL, NULL, NULL, 31.2850, 121.4640),
    ('990104', '990100', 'district', '东江区', 'Dongjiang District', NULL, NULL, NULL, 31.2360, 121.5620),
    ('990105', '990100', 'district', '西岭区', 'Xiling District',    NULL, NULL, NULL, 31.2210, 121.3560),
    ('990106', '990100', 'district', '南浦区', 'Nanpu District',     NULL, NULL, NULL, 31.1350, 121.4820),
    ('990107', '990100', 'district', '北塘区', 'Beitang District',   NULL, NULL, NULL, 31.3080, 121.5420),

    -- 湖滨区: the old town on the lake, around the city centre
    ('990102001', '990102', 'street', '湖滨街道',   'Hubin Subdistrict',     '柳岸路',   225, 1000, NULL, NULL),
    ('990102002', '990102', 'street', '南门街道',   'Nanmen Subdistrict',    '文庙路',   170, 1900, NULL, NULL),
    ('990102003', '990102', 'street', '北湖街道',   'Beihu Subdistrict',     '荷塘路',    20, 2100, NULL, NULL),
    ('990102004', '990102', 'street', '解放路街道', 'Jiefanglu Subdistrict', '解放路',    95, 1700, NULL, NULL),
    ('990102001001', '990102001', 'community', '湖心社区',   'Huxin Community',    '湖心路',    40,  700, NULL, NULL),
    ('990102001002', '990102001', 'community', '柳岸社区',   'Liu''an Community',  '柳岸路',   350,  700, NULL, NULL),
    ('990102001003', '990102001', 'community', '明珠社区',   'Mingzhu Community',  '明珠街',   150, 1300, NULL, NULL),
    ('990102002001', '990102002', 'community', '南门社区',   'Nanmen Community',   '南门大街', 200, 1200, NULL, NULL),
    ('990102002002', '990102002', 'community', '文庙社区',   'Wenmiao Community',  '学前街',   110, 1500, NULL, NULL),
    ('990102003001', '990102003', 'community', '荷塘社区',   'Hetang Community',   '荷塘路',   330, 1400, NULL, NULL),
    ('990102003002', '990102003', 'community', '翠苑社区',   'Cuiyuan Community',  '翠苑路',    60, 1100, NULL, NULL),
    ('990102004001', '990102004', 'community', '新华社区',   'Xinhua Community',   '新华路',    20, 1300, NULL, NULL),
    ('990102004002', '990102004', 'community', '人民路社区', 'Renminlu Community', '人民路',   260, 1600, NULL, NULL),

    -- 明德区: schools and universities north of the lake
    ('990103001', '990103', 'street', '明德街道', 'Mingde Subdistrict',   '明德路', 200, 1200, NULL, NULL),
    ('990103002', '990103', 'street', '文昌街道', 'Wenchang Subdistrict', '文昌路',  60, 2200, NULL, NULL),
    ('990103003', '990103', 'street', '青云街道', 'Qingyun Subdistrict',  '青云路', 320, 2500, NULL, NULL),
    ('990103001001', '990103001', 'community', '书院社区', 'Shuyuan Community',  '书院街', 120,  900, NULL, NULL),
    ('990103001002', '990103001', 'community', '德馨社区', 'Dexin Community',    '德馨路', 250, 1300, NULL, NULL),
    ('990103001003', '990103001', 'community', '学府社区', 'Xuefu Community',    '学府路',  10, 1800, NULL, NULL),
    ('990103002001', '990103002', 'community', '文昌社区', 'Wenchang Community', '文昌路',  90, 1000, NULL, NULL),
    ('990103002002', '990103002', 'community', '桂花社区', 'Guihua Community',   '桂花巷', 180, 1600, NULL, NULL),
    ('990103003001', '990103003', 'community', '青云社区', 'Qingyun Community',  '青云路', 290, 1100, NULL, NULL),
    ('990103003002', '990103003', 'community', '枫林社区', 'Fenglin Community',  '枫林路',  20, 1700, NULL, NULL),

    -- 东江区: the river port, the high-tech zone and one town
    ('990104001', '990104', 'street', '江东街道', 'Jiangdong Subdistrict', '江东路',   270, 1500, NULL, NULL),
    ('990104002', '990104', 'street', '新港街道', 'Xingang Subdistrict',   '新港大道', 140, 2300, NULL, NULL),
    ('990104003', '990104', 'street', '高新街道', 'Gaoxin Subdistrict',    '科技大道',  30, 2000, NULL, NULL),
    ('990104100', '990104', 'street', '东江镇',   'Dongjiang Town',        '东江大道',  90, 2900, NULL, NULL),
    ('990104001001', '990104001', 'community', '滨江社区', 'Binjiang Community',  '滨江路', 330, 1000, NULL, NULL),
    ('990104001002', '990104001', 'community', '望江社区', 'Wangjiang Community', '望江路', 220, 1200, NULL, NULL),
    ('990104001003', '990104001', 'community', '江畔社区', 'Jiangpan Community',  '江畔路', 120, 1500, NULL, NULL),
    ('990104002001', '990104002', 'community', '港湾社区', 'Gangwan Community',   '港湾路', 160, 1300, NULL, NULL),
    ('990104002002', '990104002', 'community', '海棠社区', 'Haitang Community',   '海棠路',  60,  900, NULL, NULL),
    ('990104003001', '990104003', 'community', '科创社区', 'Kechuang Community',  '科创路',  10, 1200, NULL, NULL),
    ('990104003002', '990104003', 'community', '智谷社区', 'Zhigu Community',     '智谷路', 290, 1600, NULL, NULL),
    ('990104003003', '990104003', 'community', '创业社区', 'Chuangye Community',  '创业路', 100, 1400, NULL, NULL),
    ('990104100200', '990104100', 'community', '东江村',   'Dongjiang Village',   NULL,      60, 1800, NULL, NULL),
    ('990104100201', '990104100', 'community', '渔港村',   'Yugang Village',      NULL,     150, 2400, NULL, NULL),

    -- 西岭区: hills, tea gardens and bamboo to the west
    ('990105001', '990105', 'street', '西岭街道', 'Xiling Subdistrict', '西岭路',   100, 1300, NULL, NULL),
    ('990105100', '990105', 'street', '云溪镇',   'Yunxi Town',         '云溪路',   300, 2800, NULL, NULL),
    ('990105101', '990105', 'street', '石门镇',   'Shimen Town',        '石门大道', 210, 2600, NULL, NULL),
    ('990105001001', '990105001', 'community', '岭南社区', 'Lingnan Community', '岭南路',  40,  900, NULL, NULL),
    ('990105001002', '990105001', 'community', '松涛社区', 'Songtao Community', '松涛路', 190, 1200, NULL, NULL),
    ('990105100200', '990105100', 'community', '云溪村',   'Yunxi Village',     NULL,      0, 1200, NULL, NULL),
    ('990105100201', '990105100', 'community', '茶山村',   'Chashan Village',   NULL,    200, 2300, NULL, NULL),
    ('990105100202', '990105100', 'community', '竹林村',   'Zhulin Village',    NULL,    150, 1900, NULL, NULL),
    ('990105101200', '990105101', 'community', '石门村',   'Shimen Village',    NULL,    230, 1300, NULL, NULL),
    ('990105101201', '990105101', 'community', '桃源村',   'Taoyuan Village',   NULL,    120, 2200, NULL, NULL),

    -- 南浦区: rice fields, fish ponds and orchards to the south
    ('990106001', '990106', 'street', '南浦街道', 'Nanpu Subdistrict', '南浦大道', 340, 1100, NULL, NULL),
    ('990106100', '990106', 'street', '稻香镇',   'Daoxiang Town',     '稻香路',   240, 2700, NULL, NULL),
    ('990106101', '990106', 'street', '白沙镇',   'Baisha Town',       '白沙路',   130, 2900, NULL, NULL),
    ('990106102', '990106', 'street', '新桥镇',   'Xinqiao Town',      '新桥路',    40, 2600, NULL, NULL),
    ('990106001001', '990106001', 'community', '南浦社区', 'Nanpu Community',   '南浦大道',  80,  800, NULL, NULL),
    ('990106001002', '990106001', 'community', '长堤社区', 'Changdi Community', '长堤路',   250, 1300, NULL, NULL),
    ('990106100200', '990106100', 'community', '稻香村',   'Daoxiang Village',  NULL,     180, 1500, NULL, NULL),
    ('990106100201', '990106100', 'community', '荷花村',   'Hehua Village',     NULL,     290, 2100, NULL, NULL),
    ('990106100202', '990106100', 'community', '丰收村',   'Fengshou Village',  NULL,      30, 2400, NULL, NULL),
    ('990106101200', '990106101', 'community', '白沙村',   'Baisha Village',    NULL,     100, 1400, NULL, NULL),
    ('990106101201', '990106101', 'community', '渔歌村',   'Yuge Village',      NULL,     200, 2300, NULL, NULL),
    ('990106102200', '990106102', 'community', '新桥村',   'Xinqiao Village',   NULL,     320, 1200, NULL, NULL),
    ('990106102201', '990106102', 'community', '果园村',   'Guoyuan Village',   NULL,      70, 2000, NULL, NULL),

    -- 北塘区: the industrial park and new housing to the north-east
    ('990107001', '990107', 'street', '北塘街道',   'Beitang Subdistrict',    '北塘路',   180, 1000, NULL, NULL),
    ('990107002', '990107', 'street', '工业园街道', 'Gongyeyuan Subdistrict', '园区大道',  60, 2600, NULL, NULL),
    ('990107003', '990107', 'street', '塘西街道',   'Tangxi Subdistrict',     '塘西路',   280, 2200, NULL, NULL),
    ('990107001001', '990107001', 'community', '北塘社区', 'Beitang Community', '北塘路',  30,  900, NULL, NULL),
    ('990107001002', '990107001', 'community', '锦绣社区', 'Jinxiu Community',  '锦绣路', 150, 1400, NULL, NULL),
    ('990107001003', '990107001', 'community', '和平社区', 'Heping Community',  '和平路', 260, 1700, NULL, NULL),
    ('990107002001', '990107002', 'community', '金桥社区', 'Jinqiao Community', '金桥路', 100, 1300, NULL, NULL),
    ('990107002002', '990107002', 'community', '启航社区', 'Qihang Community',  '启航路', 300, 1600, NULL, NULL),
    ('990107003001', '990107003', 'community', '塘西社区', 'Tangxi Community',  '塘西路', 200, 1000, NULL, NULL),
    ('990107003002', '990107003', 'community', '康乐社区', 'Kangle Community',  '康乐路', 320, 1500, NULL, NULL);

-- Place streets relative to their district college, then communities relative to their street.
-- 111195 m per degree of latitude; a degree of longitude is shorter by cos(latitude).
UPDATE demo_region s
   SET lat = round((p.lat + s.dist * cos(radians(s.bearing)) / 111195)::numeric, 6),
       lng = round((p.lng + s.dist * sin(radians(s.bearing)) / (111195 * cos(radians(p.lat))))::numeric, 6)
  FROM demo_region p
 WHERE p.code = s.parent_code AND s.level = 'street';

UPDATE demo_region s
   SET lat = round((p.lat + s.dist * cos(radians(s.bearing)) / 111195)::numeric, 6),
       lng = round((p.lng + s.dist * sin(radians(s.bearing)) / (111195 * cos(radians(p.lat))))::numeric, 6)
  FROM demo_region p
 WHERE p.code = s.parent_code AND s.level = 'community';

-- One level at a time, so that every parent exists before its children.
INSERT INTO regions (parent_id, level, name, name_en, code)
SELECT NULL, d.level, d.name, d.name_en, d.code FROM demo_region d WHERE d.level = 'city' ORDER BY d.code;

INSERT INTO regions (parent_id, level, name, name_en, code)
SELECT p.id, d.level, d.name, d.name_en, d.code
  FROM demo_region d JOIN regions p ON p.code = d.parent_code
 WHERE d.level = 'district' ORDER BY d.code;

INSERT INTO regions (parent_id, level, name, name_en, code)
SELECT p.id, d.level, d.name, d.name_en, d.code
  FROM demo_region d JOIN regions p ON p.code = d.parent_code
 WHERE d.level = 'street' ORDER BY d.code;

INSERT INTO regions (parent_id, level, name, name_en, code)
SELECT p.id, d.level, d.name, d.name_en, d.code
  FROM demo_region d JOIN regions p ON p.code = d.parent_code
 WHERE d.level = 'community' ORDER BY d.code;

-- ---------------------------------------------------------------------------------------------
-- 2. Learning sites, four levels (seed 003): 1 city community university, 6 district community
--    colleges, 21 street/town learning centres, 49 community/village schools and 6 extra
--    teaching points hosted by a library, an activity centre, training bases and farms.
-- ---------------------------------------------------------------------------------------------

-- Level 1. It lies in 湖滨区, about 180 m from the city centre; its region is that district so
-- that its offerings count for 湖滨区 in the district filter.
INSERT INTO sites (parent_id, level, region_id, name, address, lat, lng, phone, opening_hours, step_free, description)
SELECT NULL, 1, r.id, '明湖市社区大学', '明湖市湖滨区湖滨街道明湖大道188号', 31.2312, 121.4688,
       '0599-86012345', '周一至周日 8:30–21:00', true,
       '依托明湖开放大学设立的市级社区教育指导机构，是全市终身学习的资源中心和服务中心，统筹四级社区教育网络。'
  FROM regions r WHERE r.code = '990102';

-- Level 2: one community college per district, at the district position above.
INSERT INTO sites (parent_id, level, region_id, name, address, lat, lng, phone, opening_hours, step_free, description)
SELECT (SELECT id FROM sites WHERE name = '明湖市社区大学'), 2, r.id, v.name, v.address, d.lat, d.lng,
       v.phone, v.hours, true, v.description
  FROM (VALUES
        ('990102', '湖滨区社区学院', '明湖市湖滨区解放路街道解放路99号', '0599-86213001',
         '周一至周六 8:30–20:30；周日 9:00–17:00',
         '依托湖滨区职业高级中学设立，统筹全区社区教育，书画、合唱和老年智能手机课程常年爆满。'),
        ('990103', '明德区社区学院', '明湖市明德区明德街道学府路1号', '0599-86325002',
         '周一至周六 8:30–20:30',
         '与明湖师范学院合作办学，家庭教育和青少年科普课程特色鲜明，设有家长学校总校。'),
        ('990104', '东江区社区学院', '明湖市东江区江东街道江东路288号', '0599-86437003',
         '周一至周日 8:30–21:00',
         '毗邻东江高新区，以职业技能培训和数字技能课程为主，建有电工、烹饪和电商直播实训室。'),
        ('990105', '西岭区社区学院', '明湖市西岭区西岭街道西岭路66号', '0599-86541004',
         '周一至周六 8:30–17:30；农闲时节晚间开放',
         '立足山区茶乡，开设茶叶种植加工、乡村民宿和非遗竹编等特色课程，送教下乡到各村。'),
        ('990106', '南浦区社区学院', '明湖市南浦区南浦街道南浦大道158号', '0599-86653005',
         '周一至周六 8:30–17:30',
         '全市新型职业农民培育的主阵地，与区农业技术推广站共建田间学校，课程送到田间地头。'),
        ('990107', '北塘区社区学院', '明湖市北塘区北塘街道北塘路120号', '0599-86768006',
         '周一至周日 8:30–21:00',
         '服务北塘工业园区的新市民和产业工人，晚间和周末开设技能提升、普通话和法律常识课程。')
       ) AS v (code, name, address, phone, hours, description)
  JOIN regions r ON r.code = v.code
  JOIN demo_region d ON d.code = v.code
 ORDER BY v.code;

-- Level 3: one learning centre per street (街道社区学校) or town (镇社区教育中心).
INSERT INTO sites (parent_id, level, region_id, name, address, lat, lng, phone, opening_hours, step_free, description)
SELECT (SELECT s.id FROM sites s WHERE s.level = 2 AND s.region_id = dr.id), 3, r.id,
       d.name || CASE WHEN town THEN '社区教育中心' ELSE '社区学校' END,
       '明湖市' || dd.name || d.name || d.road || (1 + h % 298) || '号',
       d.lat, d.lng,
       '0599-8' || lpad((h % 10000000)::text, 7, '0'),
       CASE WHEN town THEN '周一至周五 8:30–17:00；农闲时节晚间 19:00–21:00 开放'
            WHEN h % 2 = 0 THEN '周一至周五 8:30–17:30；周六 9:00–16:00'
            ELSE '周一至周六 8:30–20:30' END,
       h % 5 <> 0,
       CASE WHEN town THEN (ARRAY[
                d.name || '社区教育中心（成人文化技术学校），承担农民实用技术培训和各村村民学校的业务指导。',
                d.name || '农民的家门口课堂，农闲时节集中开设种养殖技术、农村电商和老年教育课程。'])[1 + h % 2]
            ELSE (ARRAY[
                d.name || '的社区教育中心，统筹辖区社区学校的教学安排，设有多功能教室、电子阅览室和书画室。',
                d.name || '居民家门口的学习中心，常年开设健康养生、文化艺术和智能手机等公益课程。',
                d.name || '社区学校，与辖区中小学和企业共建共享学习资源，是“十分钟学习圈”的重要节点。'])[1 + h % 3]
       END
  FROM demo_region d
  JOIN regions r ON r.code = d.code
  JOIN regions dr ON dr.code = d.parent_code
  JOIN demo_region dd ON dd.code = d.parent_code
  CROSS JOIN LATERAL (SELECT ('x' || substr(md5('site:' || d.code), 1, 7))::bit(28)::int AS h,
                             d.name LIKE '%镇' AS town) x
 WHERE d.level = 'street'
 ORDER BY d.code;

-- Level 4: one school per community (居民学校) or village (村民学校 / 教学点).
INSERT INTO sites (parent_id, level, region_id, name, address, lat, lng, phone, opening_hours, step_free, description)
SELECT (SELECT s.id FROM sites s WHERE s.level = 3 AND s.region_id = sr.id), 4, r.id,
       d.name || CASE WHEN NOT village THEN '居民学校' WHEN h % 2 = 0 THEN '村民学校' ELSE '教学点' END,
       '明湖市' || dd.name || ds.name
           || CASE WHEN village THEN d.name || (ARRAY['村民服务中心', '文化礼堂', '党群服务中心二楼'])[1 + h % 3]
                   ELSE d.road || (1 + h % 268) || '号' || d.name || '党群服务中心' END,
       d.lat, d.lng,
       '0599-8' || lpad((h % 10000000)::text, 7, '0'),
       CASE WHEN village THEN '农闲时节每周二、周五 19:00–21:00；其余时间预约开放'
            WHEN h % 2 = 0 THEN '周二至周日 9:00–11:30，14:00–17:00'
            ELSE '周一至周五 8:30–11:30，14:00–17:00；周六上午开放' END,
       CASE WHEN village THEN h % 3 = 0 ELSE h % 3 <> 0 END,
       CASE WHEN village THEN (ARRAY[
                d.name || '的农民学校，设在村文化礼堂，农闲时节开设农业实用技术和文明乡风课程。',
                d.name || '教学点，依托村级党群服务中心开展农民培训和老年教育，配有远程教育终端。'])[1 + h % 2]
            ELSE (ARRAY[
                d.name || '居民身边的学习点，设在社区党群服务中心内，开设老年智能手机、健康讲座和文体课程。',
                d.name || '居民学校，依托社区活动室开展学习活动，欢迎居民就近参加。',
                d.name || '的社区教学点，与社区日间照料中心共用场地，方便老年居民就近学习。'])[1 + h % 3]
       END
  FROM demo_region d
  JOIN regions r ON r.code = d.code
  JOIN regions sr ON sr.code = d.parent_code
  JOIN demo_region ds ON ds.code = d.parent_code
  JOIN demo_region dd ON dd.code = ds.parent_code
  CROSS JOIN LATERAL (SELECT ('x' || substr(md5('site:' || d.code), 1, 7))::bit(28)::int AS h,
                             d.name LIKE '%村' AS village) x
 WHERE d.level = 'community'
 ORDER BY d.code;

-- Level 4 teaching points hosted by partners; their region is the street they lie in.
INSERT INTO sites (parent_id, level, region_id, name, address, lat, lng, phone, opening_hours, step_free, description)
SELECT ps.id, 4, r.id, v.name, v.address,
       round((d.lat + v.dist * cos(radians(v.bearing)) / 111195)::numeric, 6),
       round((d.lng + v.dist * sin(radians(v.bearing)) / (111195 * cos(radians(d.lat))))::numeric, 6),
       v.phone, v.hours, v.step_free, v.description
  FROM (VALUES
        (1, '990102001', '明湖市图书馆教学点', '明湖市湖滨区湖滨街道明湖大道200号明湖市图书馆三楼',
         70, 500, '0599-86010200', '周二至周日 9:00–20:30', true,
         '依托市图书馆设立的教学点，适合开展读书会、经典诵读和数字阅读类课程。'),
        (2, '990102002', '湖滨区老年活动中心教学点', '明湖市湖滨区南门街道南门大街66号',
         300, 900, '0599-86215566', '周一至周日 8:00–17:00', true,
         '湖滨区老年人最常去的活动场所，设有舞蹈房、书画室和电脑教室，老年大学在此开设分班。'),
        (3, '990104002', '东江区职业技能实训基地', '明湖市东江区新港街道港湾路120号',
         30, 1500, '0599-86439120', '周一至周六 8:00–21:00', true,
         '建有电工、焊工、烹饪和家政实训工位，承担全区职业技能培训和等级认定的实操教学。'),
        (4, '990107002', '工业园街道新市民学校', '明湖市北塘区工业园街道园区大道9号职工服务中心',
         200, 800, '0599-86771009', '周一至周五 18:00–21:30；周六、周日 9:00–17:00', true,
         '面向园区外来务工人员的夜校，开设普通话、法律维权、技能提升和子女教育等课程。'),
        (5, '990106100', '稻香镇农业科技示范园教学点', '明湖市南浦区稻香镇稻香路农业科技示范园',
         90, 1800, '0599-86658100', '周一至周六 8:00–17:00', false,
         '建在连栋大棚和示范田旁的田间课堂，农业技术人员现场讲解新品种和新技术。'),
        (6, '990105100', '云溪镇茶叶技术推广站教学点', '明湖市西岭区云溪镇茶山村茶叶技术推广站',
         230, 2000, '0599-86545100', '周一至周五 8:30–17:00；采茶季每天开放', false,
         '紧邻千亩茶园，开设茶园管理、名优茶加工和茶艺课程，春茶季组织现场教学。')
       ) AS v (ord, street_code, name, address, bearing, dist, phone, hours, step_free, description)
  JOIN demo_region d ON d.code = v.street_code
  JOIN regions r ON r.code = v.street_code
  JOIN sites ps ON ps.level = 3 AND ps.region_id = r.id
 ORDER BY v.ord;

-- ---------------------------------------------------------------------------------------------
-- 3. Training agencies. Unified social credit codes (GB 32100-2015): registration authority and
--    type (12 事业单位, 13 群团, 51 社会团体, 52 民办非企业单位, 91 企业, 93 农民专业合作社),
--    the region code, the 9-character organisation code with its GB 11714 check character, and
--    the final check character (weights 3^i mod 31). All 29 codes have been checked.
-- ---------------------------------------------------------------------------------------------

CREATE TEMP TABLE demo_agency (
    ord          serial PRIMARY KEY,
    key          text NOT NULL UNIQUE,
    name         text NOT NULL,
    credit_code  text NOT NULL,
    region_code  text NOT NULL,
    founded_year int NOT NULL,
    address      text NOT NULL,
    phone        text NOT NULL,
    intro        text NOT NULL
);

INSERT INTO demo_agency (key, name, credit_code, region_code, founded_year, address, phone, intro) VALUES
    ('openu', '明湖开放大学', '12990102427103586Q', '990102', 1979,
     '明湖市湖滨区湖滨街道明湖大道188号', '0599-86012000',
     '明湖开放大学前身为明湖广播电视大学，是全市终身教育的资源中心和服务中心，承担明湖市社区大学的办学职能，面向全体市民开展学历继续教育和非学历培训。'),
    ('redcross', '明湖市红十字会救护培训中心', '13990102MB1C42174A', '990102', 2008,
     '明湖市湖滨区南门街道文庙路12号', '0599-86216120',
     '面向市民普及心肺复苏、自动体外除颤器（AED）使用和创伤救护知识，培训合格者可获得红十字救护员证。'),
    ('senioru', '明湖市老年大学', '12990102473609123C', '990102', 1986,
     '明湖市湖滨区北湖街道荷塘路58号', '0599-86218058',
     '全市规模最大的老年教育机构，开设书画、声乐、器乐、舞蹈、健康养生和智能手机等专业课程，每学期在校学员逾五千人。'),
    ('djsenioru', '东江区老年大学', '1299010447382056X8', '990104', 1998,
     '明湖市东江区江东街道望江路36号', '0599-86431036',
     '东江区老年教育的主阵地，在各街道、镇设有分校和教学点，倡导“快乐学习、健康养老”。'),
    ('familyed', '明湖市家庭教育指导中心', '12990103MB0F28541K', '990103', 2012,
     '明湖市明德区文昌街道文昌路21号', '0599-86322021',
     '在市妇联和市教育局指导下工作，组织家庭教育讲师团进社区、进学校，开展家长课堂和亲子活动。'),
    ('xinlei', '明湖市新蕾家庭教育服务中心', '52990103MJ6K0C3R15', '990103', 2017,
     '明湖市明德区明德街道德馨路88号3楼', '0599-86327788',
     '专注儿童心理发展与亲子沟通的社会服务机构，拥有心理咨询师和家庭教育指导师组成的专业团队。'),
    ('ankang', '明湖市安康职业培训学校', '52990102MJ5A8L2T95', '990102', 2009,
     '明湖市湖滨区解放路街道新华路45号', '0599-86219045',
     '人社部门批准的民办职业培训学校，开设保健按摩、健康照护和中医推拿等培训项目，是市级职业技能培训定点机构。'),
    ('huimin', '明湖市惠民职业培训学校', '52990107MJ6H1N7W0G', '990107', 2011,
     '明湖市北塘区工业园街道金桥路18号', '0599-86772018',
     '扎根北塘工业园区，面向外来务工人员和失业人员开展岗前培训、技能提升和创业培训，课程多安排在晚间和周末。'),
    ('qiaoshou', '明湖市巧手家政职业培训学校', '52990104MJ5D3P9E7X', '990104', 2013,
     '明湖市东江区新港街道海棠路16号', '0599-86438016',
     '专业从事家政服务人才培养，开设育婴师、母婴护理、养老护理员和家政服务员等培训，结业学员可享受就业推荐。'),
    ('huadian', '明湖市华电职业技能培训学校', '52990107MJ4B6Q1U2W', '990107', 2006,
     '明湖市北塘区工业园街道园区大道66号', '0599-86775066',
     '拥有电工、焊工和智能楼宇实训车间，是特种作业操作证培训机构，学员可参加应急管理部门组织的考核。'),
    ('moxiang', '明湖市墨香文化艺术培训中心', '52990102MJ7E2G5YXK', '990102', 2015,
     '明湖市湖滨区南门街道学前街8号', '0599-86216008',
     '由本市书法家协会会员创办，开设硬笔书法、毛笔书法、国画和古筝等课程，常年举办学员作品展。'),
    ('qingyun', '明湖市清韵茶艺培训中心', '52990105MJ6C8K4H47', '990105', 2016,
     '明湖市西岭区西岭街道岭南路30号', '0599-86543030',
     '立足西岭云溪茶区，传承明湖茶文化，开设茶艺、茶艺师职业技能、插花和茶叶种植加工等课程。'),
    ('taiji', '明湖市太极拳协会', '51990102MJ3F0R6A2F', '990102', 1992,
     '明湖市湖滨区湖滨街道湖心路2号明湖公园内', '0599-86011002',
     '全市太极拳爱好者的群众性体育组织，在公园和社区设有数十个辅导站，义务推广太极拳、八段锦等传统健身项目。'),
    ('dance', '明湖市群众舞蹈协会', '51990103MJ4N7T3B4R', '990103', 2004,
     '明湖市明德区青云街道枫林路12号', '0599-86329012',
     '组织和指导全市广场舞、排舞等群众性舞蹈活动，培训社区舞蹈骨干，倡导文明健身、不扰民。'),
    ('shuzhi', '明湖数智科技有限公司', '91990104MA2H7XQ189', '990104', 2018,
     '明湖市东江区高新街道智谷路100号创新大厦12层', '0599-86436100',
     '位于东江高新区的数字技能培训企业，开设Python编程、办公软件和设计类课程，与多家企业合作开展订单式培训。'),
    ('yunfan', '明湖云帆网络科技有限公司', '91990107MA3C0EW80G', '990107', 2019,
     '明湖市北塘区北塘街道锦绣路77号电商产业园', '0599-86766077',
     '专注电商直播和短视频运营，自建直播基地，面向青年和返乡农民开展电商技能培训和创业孵化。'),
    ('agri', '明湖市农业技术推广中心', '12990100472916383L', '990100', 1958,
     '明湖市南浦区南浦街道南浦大道300号', '0599-86651300',
     '市农业农村局所属公益性事业单位，负责农业新技术、新品种的试验示范和推广，承担高素质农民培育任务。'),
    ('lvyuan', '明湖市南浦区稻香绿源果蔬专业合作社', '93990106MA2K5M4D8N', '990106', 2014,
     '明湖市南浦区稻香镇稻香村', '0599-86658200',
     '由稻香镇种植大户牵头成立的农民专业合作社，拥有连栋大棚两百余亩，常年为周边农户提供种植技术培训和田间指导。'),
    ('pufa', '明湖市普法志愿者协会', '51990100MJ5G2U8L9T', '990100', 2010,
     '明湖市湖滨区解放路街道人民路10号', '0599-86219010',
     '由律师、法官、检察官和法学教师组成的志愿者团体，长期开展“法律进社区”和反诈宣传活动。'),
    ('kexie', '明湖市科学技术协会', '13990100MB0A693149', '990100', 1958,
     '明湖市明德区文昌街道科普路3号', '0599-86323003',
     '全市科技工作者的群众组织，组织科普讲师团开展科普讲座、青少年科技活动和科技下乡。'),
    ('tcm', '明湖市中医药学会', '51990103MJ3P8R2C68', '990103', 1985,
     '明湖市明德区明德街道书院街55号', '0599-86326055',
     '汇聚全市中医医院和基层医疗机构的中医药专家，开展中医药文化宣传和中医养生保健知识普及。'),
    ('cook', '明湖市味道烹饪职业培训学校', '52990106MJ7A4W0N9N', '990106', 2012,
     '明湖市南浦区南浦街道长堤路20号', '0599-86652020',
     '开设中式烹调师、中式面点师、营养配餐员和西式烘焙等职业技能培训，也为市民开设家常菜兴趣班。'),
    ('lang', '明湖市启航语言培训中心', '52990103MJ6T9D1F0B', '990103', 2014,
     '明湖市明德区文昌街道桂花巷6号', '0599-86324006',
     '开设普通话、英语口语和外贸英语等语言课程，是本市普通话水平测试培训点之一。'),
    ('chuangye', '明湖市创业孵化服务中心', '12990104MB1E8072XA', '990104', 2015,
     '明湖市东江区高新街道创业路1号', '0599-86435001',
     '市人社局所属创业服务机构，提供创业培训、创业指导、场地孵化和创业担保贷款咨询等一站式服务。'),
    ('wenming', '明湖市新时代文明实践志愿服务协会', '51990100MJ8B5C3Q6R', '990100', 2019,
     '明湖市湖滨区湖滨街道柳岸路18号', '0599-86012018',
     '统筹全市文明实践志愿服务队伍，开展理论宣讲、移风易俗、垃圾分类和文明交通等志愿服务。'),
    ('yangguang', '明湖市阳光助残职业培训学校', '52990105MJ5U1H6KXX', '990105', 2010,
     '明湖市西岭区西岭街道松涛路9号', '0599-86542009',
     '市残联定点的残疾人职业培训机构，开设盲人保健按摩、手工编织和电商客服等就业技能培训，全部场地无障碍。'),
    ('yinling', '明湖市银龄数字生活服务中心', '52990102MJ7W3L9P7P', '990102', 2020,
     '明湖市湖滨区湖滨街道明珠街21号', '0599-86013021',
     '致力于帮助老年人跨越“数字鸿沟”，组织大学生志愿者和社区讲师，手把手教老人使用智能手机。'),
    ('culture', '明湖市文化馆', '1299010047105286X4', '990100', 1952,
     '明湖市湖滨区南门街道南门大街1号', '0599-86214001',
     '全市公共文化服务的主阵地，免费开设合唱、戏曲、剪纸、摄影等公益培训，承担非物质文化遗产保护传承工作。'),
    -- Applied to join the platform; awaiting review, no courses yet.
    ('pending', '明湖市智趣少儿编程培训中心', '52990106MJ9R2E7M4C', '990106', 2023,
     '明湖市南浦区南浦街道南浦大道210号', '0599-86653210',
     '面向中小学生的编程与机器人培训机构，入驻申请审核中。');

INSERT INTO agencies (name, credit_code, region_id, intro, address, contact_phone, founded_year, status, created_at)
SELECT a.name, a.credit_code, r.id, a.intro, a.address, a.phone, a.founded_year,
       CASE WHEN a.key = 'pending' THEN 'pending' ELSE 'approved' END,
       CASE WHEN a.key = 'pending' THEN now() - interval '3 days'
            ELSE now() - make_interval(days => 760 + 11 * a.ord) END
  FROM demo_agency a JOIN regions r ON r.code = a.region_code
 ORDER BY a.ord;

-- ---------------------------------------------------------------------------------------------
-- 4. Courses. Each base row below is one hand-written course; `variants` (if not NULL) expands
--    it into several courses by appending a suffix to the title: a level (（入门）/（进阶）),
--    a part of a series (（上）/（下）) or a district (（湖滨区）), where the district's
--    offerings are then held at that district's sites. fee is in yuan per offering of the first
--    variant; 0 marks a public-interest (公益) course whose offerings are all free.
-- ---------------------------------------------------------------------------------------------

CREATE TEMP TABLE demo_base (
    k        serial PRIMARY KEY,
    title    text NOT NULL,
    variants text[],
    cat      text NOT NULL,
    agency   text NOT NULL,
    audience text NOT NULL,
    mode     text NOT NULL,
    hours    int NOT NULL,
    fee      int NOT NULL,
    summary  text NOT NULL,
    learn    text NOT NULL
);

INSERT INTO demo_base (title, variants, cat, agency, audience, mode, hours, fee, summary, learn) VALUES
-- 社会主义核心价值观
('社会主义核心价值观百姓宣讲', ARRAY['（湖滨区）','（明德区）','（东江区）','（北塘区）'], 'core-values', 'wenming', 'all', 'offline', 6, 0,
 '用百姓身边的故事讲清楚富强、民主、文明、和谐等核心价值观，宣讲团成员由道德模范和社区干部组成。',
 '课程分为“国家篇”“社会篇”“个人篇”三个单元，每讲结合明湖本地的好人好事、村规民约和社区公约，引导居民把核心价值观落实到日常生活中。课后设有互动讨论，欢迎居民分享自己的故事。'),
('身边好人故事会', ARRAY['（明德区）','（南浦区）'], 'core-values', 'wenming', 'all', 'offline', 4, 0,
 '请道德模范、最美人物走进社区，讲述见义勇为、孝老爱亲、诚实守信的真实故事。',
 '每场故事会邀请一至两位“明湖好人”现身说法，并由主持人带领居民交流感受。课程还介绍“好人榜”的推荐方式，鼓励居民发现和推荐身边的好人好事。'),
('家风家训传承', NULL, 'core-values', 'familyed', 'parents', 'blended', 8, 0,
 '从传统家训名篇到当代好家风，帮助家庭梳理和书写自己的家风家训。',
 '课程精选《颜氏家训》《朱子家训》等经典片段进行导读，分享全国和本市文明家庭的家风故事。线下活动中，学员以家庭为单位整理家训，并参加“晒家训、讲家风”交流会。'),
('诚信明湖：诚信建设知识读本', NULL, 'core-values', 'openu', 'all', 'online', 6, 0,
 '讲解社会信用体系、个人信用记录和失信惩戒的基本知识，倡导诚实守信。',
 '课程介绍个人征信报告怎么查、信用记录如何影响贷款和出行、守信激励有哪些政策，并通过案例说明商务诚信、社会诚信的重要性。'),
('志愿服务实务', ARRAY['（入门）','（进阶）'], 'core-values', 'wenming', 'youth', 'blended', 10, 0,
 '学习志愿服务的理念、礼仪和项目设计方法，掌握参与社区志愿服务的基本技能。',
 '课程内容包括志愿服务的发展与精神、志愿者权益与保障、“志愿明湖”平台注册与时长记录、常见志愿服务项目的组织方法。学员需完成至少一次社区志愿服务实践。'),
('红色明湖：党史与地方史专题', ARRAY['（一）','（二）','（三）'], 'core-values', 'openu', 'all', 'online', 12, 0,
 '结合明湖本地的革命遗址和历史人物，讲述中国共产党的奋斗历程和城市发展史。',
 '系列课程按时间顺序展开，介绍明湖地区的革命斗争、社会主义建设和改革开放以来的城市变迁。每讲配有历史照片和遗址寻访路线，学员可利用周末实地参观。'),
('新时代文明实践志愿者培训', ARRAY['（西岭区）','（明德区）'], 'core-values', 'wenming', 'all', 'offline', 8, 0,
 '面向文明实践所、站志愿者，讲解理论宣讲、文明劝导和邻里互助等志愿服务的方法。',
 '课程围绕新时代文明实践中心、所、站的工作机制展开，讲授群众喜闻乐见的宣讲方法、活动策划和宣传报道技巧，并组织学员到文明实践站跟岗学习。'),
('爱国主义教育基地研学', NULL, 'core-values', 'openu', 'youth', 'offline', 8, 0,
 '走进明湖市爱国主义教育基地和博物馆，开展沉浸式研学，厚植家国情怀。',
 '研学线路包括明湖革命烈士纪念馆、明湖市博物馆和城市规划展示馆。每站由讲解员导览，学员分组完成研学任务单，最后进行成果汇报。'),
('传统节日与民俗文化', ARRAY['（上）','（下）'], 'core-values', 'culture', 'all', 'online', 6, 0,
 '讲述春节、清明、端午、中秋等传统节日的由来与习俗，弘扬中华优秀传统文化。',
 '课程介绍传统节日的历史渊源、民俗活动和明湖本地的特色节俗，并倡导文明祭扫、绿色过节等新风尚。上册讲春夏节日，下册讲秋冬节日。'),
('移风易俗与文明乡风', NULL, 'core-values', 'wenming', 'farmers', 'offline', 4, 0,
 '倡导婚事新办、丧事简办，抵制高价彩礼和封建迷信，建设文明乡风。',
 '课程结合村规民约和红白理事会的做法，讲解移风易俗的政策要求和本市各村的成功经验，并组织村民讨论修订本村的村规民约。'),
('新市民融入：明湖生活指南', NULL, 'core-values', 'openu', 'migrant_workers', 'online', 4, 0,
 '帮助新来明湖的务工人员了解城市、融入社区，共享城市发展成果。',
 '课程介绍明湖的城市概况和市民公约，讲解居住证办理、子女入学、医保参保和公共文化服务等实用信息，并推荐适合新市民参加的社区活动。'),
('论语导读', ARRAY['（上）','（下）'], 'core-values', 'openu', 'all', 'online', 8, 0,
 '细读《论语》名篇，体会仁爱、诚信、孝悌等中华传统美德的当代价值。',
 '课程选取《论语》中脍炙人口的章句，逐句讲解字词和义理，联系现代家庭、职场和社会生活进行讨论。上册以修身为主，下册以处世为主。'),
-- 文化艺术
('硬笔书法', ARRAY['（入门）','（进阶）','（提高）'], 'culture-arts', 'moxiang', 'all', 'offline', 16, 480,
 '从执笔姿势和基本笔画练起，系统学习硬笔楷书和行楷，写一手规范漂亮的字。',
 '课程内容包括正确的坐姿与执笔、基本笔画、偏旁部首、间架结构和章法布局。每次课有示范讲解和当堂批改，学员可以带回练习字帖。'),
('楷书毛笔书法', ARRAY['（入门）','（进阶）'], 'culture-arts', 'moxiang', 'all', 'offline', 20, 680,
 '以欧阳询、颜真卿楷书为范本，学习毛笔书法的用笔、结构和章法。',
 '课程从文房四宝的选择和使用讲起，依次学习点画、结构和临帖方法，最后完成一幅楷书作品。优秀作品将参加中心每年举办的学员作品展。'),
('老年书法', ARRAY['（基础班）','（提高班）'], 'culture-arts', 'senioru', 'seniors', 'offline', 24, 200,
 '老年大学经典课程，以书法修身养性，在练字中结识同好、愉悦身心。',
 '课程从楷书入门，逐步过渡到隶书和行书，兼顾书法欣赏和书法史常识。教室配有大屏幕投影，便于老年学员看清笔画细节。'),
('行书临帖', NULL, 'culture-arts', 'moxiang', 'all', 'offline', 20, 880,
 '临习王羲之《兰亭序》和米芾行书，掌握行书的笔势连贯与章法节奏。',
 '课程适合具备楷书基础的学员，内容包括行书的用笔特点、字形变化、常用字的写法和整篇临摹，并讲解落款、钤印等作品形式。'),
('写意花鸟画', ARRAY['（入门）','（进阶）'], 'culture-arts', 'moxiang', 'all', 'offline', 20, 880,
 '学习中国画写意花鸟的笔墨技法，从梅兰竹菊到禽鸟虫草，循序渐进。',
 '课程讲授中国画工具材料、用笔用墨、设色方法和构图知识，每次课由老师现场示范，学员当堂练习并点评。'),
('山水画基础', NULL, 'culture-arts', 'moxiang', 'all', 'offline', 20, 880,
 '学习山石、树木、云水的基本画法，完成一幅小品山水作品。',
 '课程介绍中国山水画的发展脉络和常用皴法，练习树法、石法和点景人物，最后学习小幅山水画的构图与完成。'),
('少儿国画', NULL, 'culture-arts', 'moxiang', 'youth', 'offline', 16, 680,
 '用毛笔和水墨画出小动物、花卉和蔬果，培养孩子的审美和专注力。',
 '课程以趣味写意为主，讲解毛笔的握法、墨色的浓淡变化和简单的构图，每次课完成一幅小作品，期末举办少儿画展。'),
('社区合唱团发声训练', ARRAY['（湖滨区）','（明德区）','（东江区）','（南浦区）'], 'culture-arts', 'culture', 'all', 'offline', 12, 0,
 '由文化馆声乐老师指导社区合唱团，学习科学发声和多声部合唱。',
 '课程内容包括呼吸与发声练习、识谱视唱、声部训练和合唱作品排练。学期末各社区合唱团将参加全市群众合唱展演。'),
('越剧唱腔欣赏与学唱', NULL, 'culture-arts', 'culture', 'seniors', 'offline', 12, 0,
 '欣赏越剧各流派经典唱段，跟着老师学唱《红楼梦》《梁山伯与祝英台》选段。',
 '课程介绍越剧的历史和主要流派，讲解唱腔特点和表演身段，每次课学唱一个经典唱段。课程配有大字唱词。'),
('京剧入门与欣赏', NULL, 'culture-arts', 'culture', 'all', 'blended', 10, 360,
 '了解京剧行当、脸谱和经典剧目，学唱几段耳熟能详的京剧唱腔。',
 '线上课程讲解京剧的生旦净丑、唱念做打和脸谱色彩的含义；线下课程由京剧团演员示范，带领学员学唱经典选段。'),
('广场舞基础教学', ARRAY['（湖滨区）','（明德区）','（东江区）','（西岭区）','（南浦区）','（北塘区）'], 'culture-arts', 'dance', 'all', 'offline', 12, 0,
 '学习广场舞的基本步伐和十支流行曲目，跳出健康与快乐。',
 '课程由群众舞蹈协会的骨干老师授课，内容包括热身、基本步伐、队形变化和成套动作。课程倡导文明健身，控制音量、不扰民。'),
('健身排舞', ARRAY['（入门）','（进阶）'], 'culture-arts', 'dance', 'all', 'offline', 12, 0,
 '排舞节奏明快、动作简单，适合各年龄段居民一起锻炼。',
 '课程学习排舞的基本舞步和十余支国际流行排舞曲目，注重动作规范和运动安全，学期末参加社区排舞展示。'),
('民族舞蹈', ARRAY['（入门）','（进阶）'], 'culture-arts', 'dance', 'all', 'offline', 16, 360,
 '学习藏族、蒙古族、傣族等民族舞蹈的基本动律和组合。',
 '课程从基本体态训练入手，学习各民族舞蹈的典型动作和风格特点，编排完成一支成品舞蹈，适合有舞蹈兴趣的成年学员。'),
('数码摄影基础', ARRAY['（入门）','（进阶）'], 'culture-arts', 'culture', 'all', 'blended', 16, 580,
 '了解相机原理和曝光三要素，学习构图和用光，拍出有感觉的照片。',
 '线上课程讲解光圈、快门、感光度和常用构图法，线下组织外拍实践，由老师现场点评学员作品。进阶班增加人像和风光专题。'),
('葫芦丝演奏', ARRAY['（入门）','（进阶）'], 'culture-arts', 'senioru', 'seniors', 'offline', 16, 260,
 '葫芦丝音色优美、易学易奏，零基础也能在一学期内吹奏完整乐曲。',
 '课程从持笛、呼吸和指法学起，逐步学习吐音、颤音等技巧，完成《月光下的凤尾竹》等经典曲目。'),
('古筝演奏', ARRAY['（入门）','（进阶）','（提高）'], 'culture-arts', 'moxiang', 'all', 'offline', 20, 980,
 '学习古筝的基本指法和乐理知识，弹奏《渔舟唱晚》等经典曲目。',
 '课程内容包括古筝的构造与调音、右手托抹勾打、左手按颤揉滑，以及简谱识读。学员需自备或租用古筝。'),
('剪纸艺术', NULL, 'culture-arts', 'culture', 'all', 'offline', 8, 0,
 '学习剪纸的基本技法，剪出窗花、团花和生肖等传统图案。',
 '课程介绍剪纸的历史和明湖本地剪纸非遗项目，学习阴刻、阳刻和折剪方法，作品可用于节日布置。'),
('明湖地方文化讲坛', ARRAY['（一）','（二）','（三）'], 'culture-arts', 'openu', 'all', 'online', 8, 0,
 '由本地文史专家讲述明湖的山水、名人、老街和方言，读懂自己生活的城市。',
 '系列讲座涵盖明湖的建城史、湖滨老街的变迁、地方戏曲和传统手工艺等内容，每讲约四十五分钟，配有图片和实地寻访建议。'),
('经典诵读', NULL, 'culture-arts', 'culture', 'all', 'offline', 8, 0,
 '诵读《论语》、唐诗宋词等经典篇章，感受中华文化的韵律之美。',
 '课程讲解朗诵的基本技巧，包括气息、停连、重音和语调，选读经典诗文并组织家庭诵读展示。'),
('中国茶艺', ARRAY['（入门）','（进阶）'], 'culture-arts', 'qingyun', 'all', 'offline', 12, 680,
 '认识六大茶类，学习绿茶、红茶和乌龙茶的冲泡方法与茶席布置。',
 '课程介绍中国茶文化的历史、茶叶的分类与鉴别、茶具的选用和冲泡要领。课程使用西岭云溪本地茶叶，学员可参观茶园。'),
('插花艺术', ARRAY['（入门）','（进阶）'], 'culture-arts', 'qingyun', 'all', 'offline', 10, 580,
 '学习东方插花和现代花艺的基本技法，为家居生活增添一抹色彩。',
 '课程内容包括花材的认识与处理、常用花器、基本造型和色彩搭配，每次课完成一件作品，花材费用包含在学费中。'),
('非遗竹编技艺体验', NULL, 'culture-arts', 'culture', 'all', 'offline', 8, 0,
 '跟随非遗传承人学习竹编技艺，亲手编织一件竹编小物。',
 '课程介绍竹编的历史、材料和基本编法，由西岭区竹编非遗传承人现场教学，学员完成竹篮或杯垫等作品。'),
('社区读书会领读人培训', NULL, 'culture-arts', 'culture', 'all', 'blended', 8, 0,
 '培养社区读书会的组织者和领读人，推动全民阅读。',
 '课程讲解读书会的组织方式、选书原则、领读和讨论技巧，并安排学员到明湖市图书馆教学点观摩读书会。'),
-- 文明礼仪
('公共场所文明礼仪', NULL, 'civility', 'wenming', 'all', 'online', 4, 0,
 '讲解乘车、就餐、观演、旅游等公共场所的文明礼仪，做文明有礼的明湖人。',
 '课程以情景短片的形式呈现常见的不文明行为和正确做法，内容包括排队礼让、低声交谈、爱护公物和文明旅游。'),
('文明交通，安全出行', ARRAY['（湖滨区）','（北塘区）'], 'civility', 'wenming', 'all', 'offline', 4, 0,
 '普及交通安全法规，倡导礼让斑马线、戴好头盔、不闯红灯。',
 '课程由交警和志愿者授课，讲解电动自行车管理规定、行人和非机动车通行规则，并通过事故案例警示交通违法的危害。'),
('垃圾分类进社区', ARRAY['（湖滨区）','（明德区）','（东江区）','（西岭区）','（南浦区）','（北塘区）'], 'civility', 'wenming', 'all', 'offline', 4, 0,
 '手把手教居民分清可回收物、有害垃圾、厨余垃圾和其他垃圾，养成垃圾分类好习惯。',
 '课程讲解明湖市生活垃圾分类管理办法，现场演示常见物品的分类投放方法，并介绍积分兑换等激励措施。'),
('垃圾分类知识微课', NULL, 'civility', 'wenming', 'youth', 'online', 2, 0,
 '十个三分钟微课，带你快速掌握垃圾分类的要点和易错点。',
 '微课内容包括四类垃圾的判断口诀、大件垃圾和装修垃圾的处理方式，以及垃圾减量的小窍门，适合青少年和家长一起学习。'),
('商务礼仪与职场形象', NULL, 'civility', 'huimin', 'jobseekers', 'offline', 8, 380,
 '学习职场着装、问候、接待和沟通礼仪，提升求职和工作中的职业形象。',
 '课程内容包括职业形象设计、商务会面礼仪、电话和微信沟通礼仪、会议与宴请礼仪，并安排情景模拟练习。'),
('家庭餐桌礼仪', NULL, 'civility', 'familyed', 'parents', 'offline', 4, 0,
 '从一顿饭开始培养孩子的礼貌、分享和节约意识。',
 '课程讲解中华传统餐桌礼仪和“光盘行动”，家长和孩子一起参与餐桌情景游戏，在亲子互动中养成良好习惯。'),
('文明养犬与邻里和谐', NULL, 'civility', 'wenming', 'all', 'offline', 2, 0,
 '讲解养犬管理规定和文明养犬要求，减少邻里矛盾。',
 '课程介绍犬只登记、疫苗接种、牵绳出行和及时清理粪便等要求，并邀请社区调解员分享邻里纠纷化解的经验。'),
('说好普通话', ARRAY['（湖滨区）','（北塘区）'], 'civility', 'lang', 'migrant_workers', 'offline', 8, 0,
 '纠正方言口音，说好普通话，方便工作和生活交流。',
 '课程从声母、韵母和声调入手，针对常见方言口音进行纠音练习，结合购物、问路、求职面试等生活场景开展口语训练。'),
('手语入门', ARRAY['（一）','（二）'], 'civility', 'yangguang', 'all', 'blended', 10, 0,
 '学习中国通用手语的常用词汇和日常会话，架起与听障朋友沟通的桥梁。',
 '课程由听障讲师和手语翻译共同授课，内容包括手指字母、数字、问候、购物和就医等常用手语，以及与听障人士交流的礼仪。'),
('服务窗口接待礼仪', NULL, 'civility', 'huimin', 'jobseekers', 'blended', 6, 280,
 '面向商超、酒店、物业等服务岗位，学习接待、咨询和投诉处理的礼仪规范。',
 '课程内容包括仪容仪表、站姿坐姿、服务用语、投诉处理流程，学员通过角色扮演进行练习。'),
-- 科学普及
('身边的科学', ARRAY['（一）','（二）','（三）'], 'popular-science', 'kexie', 'youth', 'offline', 6, 0,
 '用生活中的小实验解释力、光、电、声的科学原理，激发青少年的好奇心。',
 '每讲围绕一个生活现象设计动手实验，由科普讲师带领学员观察、记录和讨论，培养科学思维和实践能力。'),
('天文观测入门', NULL, 'popular-science', 'kexie', 'youth', 'offline', 6, 280,
 '认识四季星空，学习使用天文望远镜观测月球和行星。',
 '课程讲解星座的识别方法和天文望远镜的使用，晴朗夜晚在西岭区观测点开展实地观测活动。'),
('防灾减灾与应急避险', ARRAY['（东江区）','（南浦区）'], 'popular-science', 'kexie', 'all', 'blended', 6, 0,
 '学习台风、暴雨、地震和火灾等灾害的应急避险知识，备好家庭应急包。',
 '课程介绍明湖常见的自然灾害和城市安全风险，讲解应急避难场所的位置与使用、家庭应急预案的制定，并开展疏散演练。'),
('消防安全知识', ARRAY['（明德区）','（东江区）','（南浦区）'], 'popular-science', 'kexie', 'all', 'offline', 4, 0,
 '学会使用灭火器和消火栓，掌握火场逃生的正确方法。',
 '课程由消防救援人员授课，讲解家庭和高层住宅的火灾隐患、电气和燃气安全，现场练习灭火器的使用和烟雾逃生。'),
('电动自行车安全与充电防火', NULL, 'popular-science', 'kexie', 'all', 'online', 2, 0,
 '讲清电动自行车电池起火的原因，做到不进楼、不私拉电线充电。',
 '课程通过实验视频展示锂电池热失控的过程，讲解电动自行车的选购、改装风险、安全充电和集中充电设施的使用。'),
('食品安全小常识', NULL, 'popular-science', 'kexie', 'all', 'online', 4, 0,
 '教你看懂食品标签，识别过期变质食品，远离食物中毒。',
 '课程内容包括食品标签和生产日期的识读、食品储存与冰箱使用、野生菌和河豚等高风险食品的警示，以及食物中毒的应急处理。'),
('人工智能走进生活', ARRAY['（上）','（下）'], 'popular-science', 'kexie', 'all', 'online', 6, 0,
 '用通俗的语言讲清人工智能是什么、能做什么，以及如何安全地使用智能工具。',
 '课程介绍语音助手、人脸识别、智能推荐和大模型对话等常见应用，讨论人工智能带来的便利与风险，并演示几种实用的智能工具。'),
('气象与生活', NULL, 'popular-science', 'kexie', 'all', 'online', 4, 0,
 '看懂天气预报和预警信号，了解气候变化对生活的影响。',
 '课程讲解天气预报的制作过程、气象预警信号的含义和防御措施，以及如何利用气象信息安排出行和农事。'),
('家庭节能与低碳生活', NULL, 'popular-science', 'kexie', 'all', 'online', 4, 0,
 '从节水节电到绿色出行，学习家庭低碳生活的实用方法。',
 '课程介绍家用电器的节能使用、能效标识识读和绿色出行方式，倡导简约适度、绿色低碳的生活方式。'),
('湿地生态与明湖鸟类观察', NULL, 'popular-science', 'kexie', 'youth', 'offline', 6, 0,
 '走进明湖湿地，学习观鸟方法，认识湿地生态系统。',
 '课程由鸟类专家带领，讲解湿地的生态功能和明湖常见鸟类的识别特征，学员使用望远镜开展观鸟记录。'),
('科学辟谣：识别健康谣言', NULL, 'popular-science', 'kexie', 'seniors', 'online', 4, 0,
 '揭穿朋友圈里常见的养生谣言和保健品骗局，学会辨别信息真假。',
 '课程选取转发量高的健康谣言逐一分析，讲解查证信息的方法和可信的信息来源，帮助老年朋友理性看待养生信息。'),
('青少年创客机器人', ARRAY['（入门）','（进阶）'], 'popular-science', 'shuzhi', 'youth', 'offline', 16, 980,
 '动手搭建和编程控制机器人，在项目实践中学习工程思维。',
 '课程使用开源硬件和图形化编程，学习传感器、电机控制和简单算法，完成巡线小车、智能垃圾桶等项目作品。'),
('中医药文化科普', NULL, 'popular-science', 'tcm', 'all', 'online', 4, 0,
 '了解中医药的发展历史和基本理念，认识常见中药材。',
 '课程介绍阴阳五行、经络腧穴等中医基本概念，展示常见中药材的形态和功效，讲解中药煎煮和安全用药常识。'),
('口腔健康与护牙常识', NULL, 'popular-science', 'kexie', 'all', 'online', 2, 0,
 '学会正确刷牙和使用牙线，了解儿童窝沟封闭和老年人假牙护理。',
 '课程由口腔科医生讲解龋齿和牙周病的成因与预防，演示巴氏刷牙法，介绍各年龄段的口腔检查建议。'),
-- 法律法规
('法律常识进社区', ARRAY['（湖滨区）','（明德区）','（东江区）','（西岭区）','（南浦区）','（北塘区）'], 'law', 'pufa', 'all', 'offline', 6, 0,
 '律师志愿者走进社区，讲解与百姓生活密切相关的法律常识，现场解答法律问题。',
 '课程围绕婚姻家庭、房屋买卖与租赁、借贷、交通事故和劳动纠纷等常见问题展开，每次课后安排律师现场咨询。'),
('民法典与百姓生活', ARRAY['（一）','（二）','（三）'], 'law', 'pufa', 'all', 'blended', 8, 0,
 '逐编解读民法典，讲清楚物权、合同、婚姻家庭、继承和侵权责任中的关键规定。',
 '课程由法官和法学教师授课，每讲配合真实案例，说明民法典如何保护公民的人身权利和财产权利。'),
('反诈骗知识讲座', ARRAY['（湖滨区）','（东江区）','（南浦区）','（北塘区）'], 'law', 'pufa', 'all', 'offline', 2, 0,
 '揭秘刷单返利、冒充客服、虚假投资理财等常见诈骗手法，守好钱袋子。',
 '讲座由反诈民警和普法志愿者主讲，结合本市真实案例讲解诈骗套路和防范要点，并指导居民安装国家反诈中心应用。'),
('老年人防范养老诈骗', NULL, 'law', 'pufa', 'seniors', 'offline', 2, 0,
 '识破以养老项目、保健品、收藏品为名的诈骗陷阱，守护老年人的养老钱。',
 '课程结合真实案例，讲解“以房养老”骗局、免费旅游和保健品推销等常见陷阱，提醒老年朋友遇事多和子女商量。'),
('劳动合同与工资权益', NULL, 'law', 'pufa', 'migrant_workers', 'offline', 4, 0,
 '讲解劳动合同签订、工资支付、工伤认定和欠薪维权的法律规定。',
 '课程内容包括劳动合同的必备条款、加班工资计算、社会保险、工伤认定流程和劳动仲裁程序，并提供法律援助联系方式。'),
('婚姻家庭法律知识', NULL, 'law', 'pufa', 'parents', 'online', 4, 0,
 '讲解结婚、离婚、抚养、赡养和继承等婚姻家庭法律问题。',
 '课程依据民法典婚姻家庭编和继承编，讲解夫妻共同财产、子女抚养、老人赡养和遗嘱订立等常见问题。'),
('未成年人保护法解读', NULL, 'law', 'pufa', 'parents', 'online', 4, 0,
 '解读未成年人保护法中家庭保护、学校保护和网络保护的规定，守护孩子健康成长。',
 '课程讲解监护人的法定职责、防范校园欺凌、未成年人网络沉迷防治等内容，并介绍遇到侵害时的求助渠道。'),
('消费者权益保护', NULL, 'law', 'pufa', 'all', 'online', 4, 0,
 '了解七日无理由退货、预付卡消费等规定，学会依法维护消费权益。',
 '课程结合网购、预付卡、装修和旅游消费等常见纠纷，讲解消费者的权利和投诉举报渠道。'),
('物业纠纷与邻里调解', NULL, 'law', 'pufa', 'all', 'offline', 4, 0,
 '讲解物业服务、停车、噪音等常见邻里纠纷的处理方法。',
 '课程介绍业主委员会的成立与运作、物业服务合同的主要内容，以及人民调解的程序和技巧。'),
('人民调解员业务培训', NULL, 'law', 'pufa', 'all', 'blended', 12, 0,
 '提升社区和村级人民调解员的法律知识和调解技巧。',
 '课程内容包括人民调解法、常见纠纷类型与法律适用、调解协议的制作，以及调解现场的沟通技巧，安排案例模拟。'),
('反电信网络诈骗法解读', NULL, 'law', 'pufa', 'all', 'online', 2, 0,
 '解读反电信网络诈骗法，了解出租出借银行卡、电话卡的法律后果。',
 '课程讲解法律对电话卡、银行账户和互联网服务的管理规定，提醒市民切勿出租出借“两卡”，以免沦为诈骗帮凶。'),
('网络安全与个人信息保护', NULL, 'law', 'pufa', 'all', 'online', 4, 0,
 '了解个人信息保护法，学会保护手机号、身份证号等个人信息。',
 '课程讲解个人信息的范围、常见的信息泄露途径和防范方法，介绍如何设置安全密码、识别钓鱼链接。'),
('农村土地承包法律知识', NULL, 'law', 'pufa', 'farmers', 'offline', 4, 0,
 '讲解土地承包、流转和宅基地的相关法律政策，保障农民合法权益。',
 '课程介绍农村土地承包经营权的确权、流转合同的签订要点和纠纷解决途径，并解答宅基地和征地补偿方面的常见问题。'),
('宪法精神与公民权利义务', NULL, 'law', 'pufa', 'all', 'online', 4, 0,
 '学习宪法的基本原则，了解公民的基本权利和义务。',
 '课程讲解宪法的地位和作用、国家机构的组成、公民的基本权利和义务，并结合国家宪法日活动介绍宪法宣誓制度。'),
-- 健康养生
('二十四式太极拳', ARRAY['（入门）','（进阶）','（提高）'], 'health', 'taiji', 'all', 'offline', 16, 200,
 '学练二十四式简化太极拳，强身健体、修身养性。',
 '课程从站桩和基本步型、手型练起，逐式分解教学，最后完成整套动作的连贯演练，并讲解太极拳的呼吸与用意。'),
('八段锦', ARRAY['（湖滨区）','（西岭区）','（南浦区）','（北塘区）'], 'health', 'taiji', 'seniors', 'offline', 8, 0,
 '八段锦动作舒缓、简单易学，适合中老年人日常锻炼。',
 '课程逐节教授八段锦的动作要领，讲解每一式对应的保健作用，学员学会后可在社区健身点带领邻居一起练习。'),
('太极扇', NULL, 'health', 'taiji', 'seniors', 'offline', 12, 200,
 '学习太极功夫扇，刚柔相济、动作优美。',
 '课程讲解太极扇的握法、开合和基本扇法，分段学习成套动作，适合有一定太极拳基础的中老年学员。'),
('中医养生基础', ARRAY['（入门）','（进阶）'], 'health', 'tcm', 'all', 'blended', 8, 0,
 '学习中医养生的基本理念和方法，因时、因人调养身体。',
 '课程讲解体质辨识、饮食调养、起居作息、情志调摄和穴位保健，线下课安排中医师现场体质辨识。'),
('四季中医养生', ARRAY['·春季篇','·夏季篇','·秋季篇','·冬季篇'], 'health', 'tcm', 'seniors', 'online', 4, 0,
 '顺应四时节气，学习不同季节的饮食、起居和运动养生方法。',
 '课程结合二十四节气讲解季节养生要点，推荐简便易做的养生食谱和保健动作，每讲约三十分钟。'),
('家庭急救与心肺复苏', ARRAY['（湖滨区）','（明德区）','（东江区）','（西岭区）','（南浦区）','（北塘区）'], 'health', 'redcross', 'all', 'offline', 4, 0,
 '学会心肺复苏、AED使用和海姆立克急救法，关键时刻能救命。',
 '课程由红十字会认证导师授课，使用模拟人进行心肺复苏实操练习，并讲解止血包扎、烧烫伤和骨折的现场处理。'),
('红十字救护员证培训', NULL, 'health', 'redcross', 'all', 'offline', 16, 150,
 '系统学习现场急救知识和技能，考核合格颁发红十字救护员证。',
 '课程内容包括心肺复苏与AED、气道异物梗阻、创伤救护和常见急症处理，理论与实操考核均合格者获得救护员证。'),
('急救知识进校园', NULL, 'health', 'redcross', 'youth', 'offline', 4, 0,
 '面向中学生和大学生普及急救知识，人人学急救、急救为人人。',
 '课程讲解心肺复苏、气道异物梗阻和运动损伤的应急处理，学员分组在模拟人上练习，考核合格者获得急救培训证明。'),
('慢性病自我管理', NULL, 'health', 'openu', 'seniors', 'blended', 8, 0,
 '学习高血压、糖尿病等慢性病的自我管理方法，提高生活质量。',
 '课程由社区医生授课，讲解血压和血糖的自我监测、合理用药、饮食控制和适量运动，学员组成互助小组相互督促。'),
('高血压防治知识讲座', ARRAY['（湖滨区）','（西岭区）'], 'health', 'tcm', 'seniors', 'offline', 2, 0,
 '了解高血压的危害和防治要点，学会正确测量血压。',
 '讲座由社区卫生服务中心医生主讲，讲解高血压的诊断标准、限盐饮食和规律服药，现场为居民免费测量血压。'),
('糖尿病饮食管理', NULL, 'health', 'tcm', 'seniors', 'online', 4, 0,
 '学会计算食物交换份，吃得健康又能控好血糖。',
 '课程讲解糖尿病的饮食原则、主食和水果的选择、低血糖的识别和处理，并提供一周控糖食谱示例。'),
('老年人防跌倒', NULL, 'health', 'senioru', 'seniors', 'offline', 4, 0,
 '了解跌倒的危险因素，通过平衡训练和居家改造预防跌倒。',
 '课程讲解老年人跌倒的原因和后果，教授平衡与力量训练动作，介绍居家适老化改造要点和跌倒后的正确处理。'),
('膳食营养与健康', NULL, 'health', 'tcm', 'all', 'online', 6, 0,
 '依据中国居民膳食指南，学习科学搭配一日三餐。',
 '课程讲解平衡膳食宝塔、食物多样化、控盐控油控糖等知识，并针对儿童、孕妇和老年人给出膳食建议。'),
('心理健康与情绪调适', NULL, 'health', 'openu', 'all', 'online', 6, 0,
 '认识焦虑、抑郁等常见心理问题，学会调节情绪、缓解压力。',
 '课程由心理咨询师授课，介绍常见情绪问题的表现和自我调适方法，并提供心理援助热线等求助渠道。'),
('青少年心理健康与压力管理', NULL, 'health', 'openu', 'youth', 'online', 4, 0,
 '帮助青少年认识学业和人际压力，学会寻求帮助和自我调节。',
 '课程讲解青春期常见的心理困扰、压力的识别和放松训练方法，介绍学校心理辅导和心理援助热线等支持资源。'),
('颈肩腰腿痛的预防与康复', NULL, 'health', 'tcm', 'all', 'offline', 6, 0,
 '针对久坐久站人群，学习颈椎、腰椎常见问题的预防和康复锻炼。',
 '课程由康复科医师授课，讲解正确坐姿和睡姿，教授颈肩腰腿的拉伸和康复操，并进行现场评估指导。'),
('中医推拿保健', ARRAY['（入门）','（进阶）'], 'health', 'ankang', 'all', 'offline', 16, 680,
 '学习常用推拿手法和家庭保健按摩，为家人缓解疲劳。',
 '课程讲解经络腧穴基础知识，学习推、拿、按、揉等基本手法，以及头颈部、肩背部和足部的保健按摩流程。'),
('艾灸与穴位保健', NULL, 'health', 'tcm', 'seniors', 'offline', 8, 280,
 '学习艾灸的安全操作和常用保健穴位，居家调养身体。',
 '课程讲解艾灸的适应证和禁忌证、常用灸法和足三里、关元等保健穴位的定位，强调用火安全和防烫伤。'),
('健步走与科学健身', NULL, 'health', 'kexie', 'all', 'offline', 4, 0,
 '学习科学健步走的姿势和强度控制，制定适合自己的锻炼计划。',
 '课程讲解运动前热身、步频步幅、心率控制和运动损伤预防，并组织学员沿明湖绿道开展健步走活动。'),
('瑜伽与形体', ARRAY['（入门）','（进阶）'], 'health', 'dance', 'all', 'offline', 12, 480,
 '通过瑜伽体式和呼吸练习，改善体态、放松身心。',
 '课程学习基础瑜伽体式、呼吸法和放松冥想，注重动作安全，适合久坐办公人群和瑜伽初学者。'),
('老年人合理用药常识', NULL, 'health', 'senioru', 'seniors', 'online', 4, 0,
 '讲清老年人常见用药误区，做到按时、按量、安全用药。',
 '课程由药师讲解多种药物同时服用的注意事项、药品说明书的识读和家庭药箱的管理，提醒老人不盲信保健品。'),
('残疾人康复健身操', NULL, 'health', 'yangguang', 'disabled', 'offline', 8, 0,
 '为肢体残疾人设计的坐姿和站姿康复健身操，安全、易学、有效。',
 '课程由康复治疗师带教，按残疾类别和程度分组练习上肢、下肢和核心力量，讲解居家康复训练的注意事项。'),
-- 职业技能
('低压电工作业（特种作业操作证）', NULL, 'vocational-skills', 'huadian', 'jobseekers', 'blended', 80, 1100,
 '系统学习低压电工理论和实操，参加特种作业操作证考试。',
 '课程内容包括电工基础、安全用电、低压电器、电动机控制线路和照明线路安装，实训车间配有考核同款实操设备。'),
('家用电工实用技能', ARRAY['（初级）','（中级）'], 'vocational-skills', 'huadian', 'migrant_workers', 'offline', 16, 380,
 '学习家庭电路的安装与维修，掌握开关插座、灯具和配电箱的安装方法。',
 '课程讲解家庭用电安全、常用电工工具和材料、照明电路和插座回路的安装，以及常见故障的排查。'),
('焊工技能培训', ARRAY['（初级）','（中级）'], 'vocational-skills', 'huadian', 'jobseekers', 'offline', 60, 980,
 '学习焊条电弧焊和二氧化碳气体保护焊，考取焊工职业技能等级证书。',
 '课程内容包括焊接安全、焊接材料与设备、平焊立焊横焊操作和焊缝质量检验，实操课时占七成以上。'),
('育婴师职业技能培训', ARRAY['（五级）','（四级）'], 'vocational-skills', 'qiaoshou', 'jobseekers', 'blended', 48, 880,
 '学习婴幼儿生活照料、保健护理和早期教育，考取育婴师职业技能等级证书。',
 '课程内容包括婴幼儿喂养、睡眠与卫生护理、常见病预防、动作和语言发展训练，以及家庭早教活动设计。'),
('母婴护理（月嫂）实操培训', ARRAY['（初级）','（高级）'], 'vocational-skills', 'qiaoshou', 'jobseekers', 'offline', 56, 980,
 '学习产妇护理和新生儿护理的实操技能，成为专业的月嫂。',
 '课程内容包括产妇月子期护理、催乳与营养餐制作、新生儿沐浴抚触、脐带护理和黄疸观察，结业后推荐上岗。'),
('养老护理员职业技能培训', ARRAY['（五级）','（四级）'], 'vocational-skills', 'qiaoshou', 'jobseekers', 'blended', 48, 680,
 '学习失能老人生活照料、基础护理和康复服务，考取养老护理员证书。',
 '课程内容包括老年人生理心理特点、清洁与饮食照料、体位转移、压疮预防和安宁疗护，安排养老机构见习。'),
('家政服务员岗前培训', NULL, 'vocational-skills', 'qiaoshou', 'migrant_workers', 'offline', 24, 0,
 '学习家居保洁、衣物洗护和家庭餐制作，快速上岗就业。',
 '课程内容包括家政服务礼仪、清洁工具与清洁剂的使用、衣物分类洗涤熨烫和家常菜烹饪，结业推荐就业。'),
('中式烹调师技能培训', ARRAY['（五级）','（四级）'], 'vocational-skills', 'cook', 'jobseekers', 'offline', 60, 980,
 '系统学习刀工、火候和经典菜品制作，考取中式烹调师职业技能等级证书。',
 '课程内容包括原料初加工、刀工刀法、勺工、调味和热菜冷菜制作，学员每天上灶实操。'),
('家常菜烹饪', ARRAY['（入门）','（进阶）','（宴客菜）'], 'vocational-skills', 'cook', 'all', 'offline', 12, 380,
 '跟着大厨学做家常菜，荤素搭配、营养美味。',
 '课程每次学习两至三道家常菜，讲解选料、刀工和火候要点，学员现场动手制作并品尝。'),
('中式面点', ARRAY['（入门）','（进阶）'], 'vocational-skills', 'cook', 'all', 'offline', 12, 480,
 '学做包子、饺子、花卷和各式面点，体验传统面点的乐趣。',
 '课程讲解和面、发面、擀皮和包制手法，学习馅料调制和蒸煮技巧，每次课带回自己的作品。'),
('西式烘焙', ARRAY['（入门）','（进阶）'], 'vocational-skills', 'cook', 'youth', 'offline', 16, 680,
 '学习面包、蛋糕和饼干的制作，掌握烘焙的基本原理。',
 '课程讲解烘焙原料、工具和烤箱的使用，学习戚风蛋糕、吐司面包和曲奇饼干等经典品种。'),
('茶艺师职业技能培训（五级）', NULL, 'vocational-skills', 'qingyun', 'jobseekers', 'offline', 40, 880,
 '学习茶艺服务、茶叶识别和茶事活动组织，考取茶艺师职业技能等级证书。',
 '课程内容包括茶叶基础知识、茶具与用水、各类茶的冲泡、茶艺服务礼仪和茶会组织，理论与实操并重。'),
('美发基础技能', ARRAY['（初级）','（中级）'], 'vocational-skills', 'huimin', 'jobseekers', 'offline', 40, 780,
 '学习洗发、修剪、烫染等美发基本技能，为就业创业打基础。',
 '课程内容包括头发与头皮知识、美发工具使用、基础修剪和吹风造型，学员在实训室真人实操。'),
('新能源汽车维修基础', NULL, 'vocational-skills', 'huadian', 'jobseekers', 'offline', 48, 1180,
 '学习新能源汽车结构原理和高压安全，掌握常见故障的检修方法。',
 '课程内容包括动力电池、驱动电机和电控系统的基础知识，高压安全防护和常规保养检修，适合有汽修基础或有志从事该行业的学员。'),
('叉车司机（特种设备操作）', NULL, 'vocational-skills', 'huimin', 'migrant_workers', 'offline', 32, 680,
 '学习叉车的构造、操作和安全规程，参加特种设备作业人员考试。',
 '课程内容包括叉车基础知识、安全操作规程、场地驾驶和货物装卸，实操场地位于北塘工业园区。'),
('普通话水平测试辅导', NULL, 'vocational-skills', 'lang', 'all', 'blended', 16, 380,
 '针对普通话水平测试的题型进行辅导，帮助考生取得理想等级。',
 '课程讲解测试的四个部分及评分标准，重点训练声调、轻声和儿化，安排模拟测试和一对一纠音。'),
('实用英语口语', ARRAY['（入门）','（进阶）','（提高）'], 'vocational-skills', 'lang', 'all', 'blended', 20, 680,
 '从日常会话到出国旅行，开口说英语不再难。',
 '课程以问候、购物、点餐、问路、旅行和工作交流等场景为主线，线上跟读练习，线下外教口语课。'),
('外贸英语口语', NULL, 'vocational-skills', 'lang', 'jobseekers', 'online', 24, 880,
 '学习外贸业务中的询盘、报价、谈判和展会英语。',
 '课程结合外贸业务流程讲解常用表达，模拟电话和视频会议场景，适合外贸和跨境电商从业人员。'),
('快递物流从业技能', NULL, 'vocational-skills', 'huimin', 'migrant_workers', 'offline', 12, 0,
 '学习快递收派、分拣和客户服务规范，提升物流岗位技能。',
 '课程讲解快递业务流程、禁寄物品识别、电动三轮车安全驾驶和客户投诉处理。'),
('保安员上岗培训', NULL, 'vocational-skills', 'huimin', 'migrant_workers', 'offline', 24, 280,
 '学习保安服务基本知识和技能，参加保安员资格考试。',
 '课程内容包括保安服务法规、门卫与巡逻、消防器材使用和突发事件处置，考核合格后推荐上岗。'),
('盲人保健按摩', ARRAY['（初级）','（中级）'], 'vocational-skills', 'yangguang', 'disabled', 'offline', 60, 0,
 '面向视力残疾人的保健按摩职业技能培训，助力就业增收。',
 '课程采用触摸教学和盲文讲义，学习人体解剖基础、常用按摩手法和保健按摩流程，结业后推荐到按摩机构就业。'),
('手工编织与非遗手作就业培训', NULL, 'vocational-skills', 'yangguang', 'disabled', 'offline', 24, 0,
 '学习手工编织和非遗手作技艺，实现居家灵活就业。',
 '课程内容包括钩针、棒针编织和中国结、香囊等手作产品制作，优秀作品由合作企业订单收购。'),
('网约车驾驶员从业资格辅导', NULL, 'vocational-skills', 'huimin', 'migrant_workers', 'online', 12, 280,
 '辅导网约车驾驶员从业资格考试的全国公共科目和明湖区域科目。',
 '课程讲解网约车管理规定、服务规范、城市道路和地理知识，提供模拟题库在线练习。'),
('求职面试技巧', NULL, 'vocational-skills', 'huimin', 'jobseekers', 'online', 4, 0,
 '学习撰写简历、准备面试和谈薪的实用技巧。',
 '课程讲解简历的结构与亮点提炼、常见面试问题的应答思路和面试礼仪，并提供模拟面试视频点评。'),
('职业规划与就业指导', NULL, 'vocational-skills', 'openu', 'jobseekers', 'online', 6, 0,
 '认识自我、了解市场，制定切实可行的职业发展规划。',
 '课程介绍职业兴趣与能力测评、明湖市重点产业的岗位需求，以及就业补贴和职业培训补贴政策。'),
('职场沟通与团队协作', NULL, 'vocational-skills', 'huimin', 'jobseekers', 'online', 8, 280,
 '学习高效沟通、汇报和团队协作的方法，更快适应新岗位。',
 '课程讲解职场沟通的基本原则、向上汇报和跨部门协作的技巧、冲突处理和时间管理，配有情景案例练习。'),
('社区工作者能力提升', NULL, 'vocational-skills', 'openu', 'all', 'blended', 16, 0,
 '提升社区工作者在群众工作、社区治理和服务项目管理方面的能力。',
 '课程内容包括社区治理政策、居民议事协商、社会工作方法和社区服务项目的策划与评估，结业记入继续教育学时。'),
('收纳整理师', NULL, 'vocational-skills', 'qiaoshou', 'all', 'offline', 16, 980,
 '学习家居空间规划和收纳整理方法，也可作为新兴职业发展方向。',
 '课程讲解衣橱、厨房和儿童房的整理方法，收纳工具的选用，以及上门服务的流程与报价。'),
('保健按摩师职业技能培训', NULL, 'vocational-skills', 'ankang', 'jobseekers', 'offline', 60, 1080,
 '系统学习保健按摩理论和手法，考取保健按摩师职业技能等级证书。',
 '课程内容包括人体解剖生理、经络腧穴、全身保健按摩和足部按摩，实操训练课时不少于总课时的一半。'),
('健康照护师', ARRAY['（五级）','（四级）'], 'vocational-skills', 'ankang', 'jobseekers', 'blended', 40, 780,
 '学习居家和机构照护中的生活照护、康复照护和安全防护技能。',
 '课程内容包括照护对象评估、生活照护、基础护理、康复训练和心理支持，安排社区卫生服务中心见习。'),
('营养配餐员', NULL, 'vocational-skills', 'cook', 'jobseekers', 'blended', 32, 780,
 '学习营养学基础和配餐设计，为学校、养老机构和家庭提供科学配餐。',
 '课程内容包括营养素与食物成分、各类人群的营养需求、食谱编制和食品卫生，安排配餐实操练习。'),
-- 创新创业
('创业意识培训（GYB）', NULL, 'entrepreneurship', 'chuangye', 'jobseekers', 'offline', 16, 0,
 '了解创业者应具备的素质，评估自己的创业想法，迈出创业第一步。',
 '课程采用参与式教学，帮助学员认识创业、评估自我、产生和筛选创业想法，结业可申请后续SYB培训。'),
('创办你的企业（SYB）', ARRAY['（城镇班）','（大学生专班）'], 'entrepreneurship', 'chuangye', 'jobseekers', 'blended', 40, 0,
 '学习创业计划书的编写和企业开办流程，合格学员可申请创业担保贷款。',
 '课程十个模块涵盖市场评估、企业组织、法律环境、启动资金、利润计划和开办企业，由创业导师全程辅导。'),
('网店开设与运营', ARRAY['（入门）','（进阶）'], 'entrepreneurship', 'yunfan', 'jobseekers', 'online', 16, 580,
 '从开店、选品到推广，手把手教你开一家网店。',
 '课程讲解主流电商平台的开店流程、商品拍摄与详情页制作、客服与物流，以及店铺数据分析和推广方法。'),
('电商直播带货实战', ARRAY['（入门）','（进阶）','（高阶）'], 'entrepreneurship', 'yunfan', 'youth', 'blended', 20, 980,
 '学习直播间搭建、话术设计和选品策略，在实战中掌握电商直播技能。',
 '课程在自建直播基地开展实操，内容包括直播设备与灯光、主播形象与话术、直播脚本、流量获取和复盘分析。'),
('短视频策划与拍摄剪辑', ARRAY['（入门）','（进阶）'], 'entrepreneurship', 'yunfan', 'youth', 'blended', 16, 880,
 '学习短视频选题策划、手机拍摄和剪辑包装，打造有吸引力的作品。',
 '课程讲解短视频平台规则、脚本撰写、镜头语言、剪辑软件操作和字幕音乐包装，每位学员完成三个作品。'),
('小微企业财税实务', NULL, 'entrepreneurship', 'chuangye', 'all', 'online', 12, 380,
 '学习小微企业的记账、报税和税收优惠政策，规范经营少走弯路。',
 '课程讲解营业执照办理后的税务登记、发票管理、增值税和个人所得税申报，以及小微企业可享受的优惠政策。'),
('返乡创业实务', NULL, 'entrepreneurship', 'chuangye', 'farmers', 'blended', 16, 0,
 '为返乡青年和农民工提供创业政策解读、项目选择和经营管理指导。',
 '课程介绍返乡创业扶持政策、农村创业项目的选择、资金筹措和风险防范，并组织学员参观本市返乡创业示范点。'),
('社区小店经营', NULL, 'entrepreneurship', 'chuangye', 'all', 'offline', 8, 0,
 '学习社区便利店、餐饮小店的选址、进货、定价和顾客维护。',
 '课程由成功店主分享经验，讲解小店的选址评估、成本核算、会员营销和食品安全管理。'),
('文创产品设计与开发', NULL, 'entrepreneurship', 'chuangye', 'youth', 'blended', 16, 680,
 '将明湖文化元素转化为文创产品，学习从创意到产品的全过程。',
 '课程内容包括文创市场分析、地方文化元素提炼、产品设计与打样、知识产权保护和销售渠道，学员分组完成一件文创作品。'),
('创业融资与商业计划书', NULL, 'entrepreneurship', 'chuangye', 'youth', 'online', 8, 0,
 '学习撰写打动投资人的商业计划书，了解创业融资的渠道和要点。',
 '课程讲解商业计划书的结构、市场分析和财务预测方法，介绍天使投资、创业担保贷款和政府创业基金。'),
('巾帼创业训练营', NULL, 'entrepreneurship', 'chuangye', 'all', 'offline', 16, 0,
 '面向有创业意愿的女性，提供创业培训、导师辅导和资源对接。',
 '训练营内容包括创业项目评估、家庭与事业平衡、手工和电商等适合女性的创业项目，结业后可入驻巾帼创业孵化基地。'),
('乡村民宿经营', NULL, 'entrepreneurship', 'chuangye', 'farmers', 'offline', 12, 380,
 '学习乡村民宿的设计、证照办理、服务管理和线上推广。',
 '课程邀请本市精品民宿主分享经验，讲解民宿改造、消防和卫生要求、房价制定和网络平台运营，并参观西岭区民宿集聚区。'),
-- 科技推广
('农业物联网技术应用', NULL, 'technology-extension', 'agri', 'farmers', 'blended', 12, 0,
 '学习用传感器和手机远程监测温湿度、控制灌溉和通风。',
 '课程介绍农业物联网的组成、常见传感器和控制设备、手机端管理平台的使用，并在示范基地现场演示。'),
('无人机植保作业', ARRAY['（理论）','（实操）'], 'technology-extension', 'agri', 'farmers', 'offline', 24, 0,
 '学习植保无人机的操作、药剂配比和安全作业规范。',
 '课程内容包括无人机构造与飞行原理、航线规划、药剂配比与喷洒参数设置、安全作业和维护保养。'),
('设施大棚环境智能控制', NULL, 'technology-extension', 'agri', 'farmers', 'offline', 12, 0,
 '学习设施大棚温、光、水、肥的智能调控技术，提高产量和品质。',
 '课程讲解连栋大棚和日光温室的结构、环境因子调控原理和智能控制系统的操作，在稻香镇示范园现场教学。'),
('家庭光伏与新能源应用', NULL, 'technology-extension', 'kexie', 'all', 'online', 4, 0,
 '了解家庭光伏发电、储能和电动汽车充电的原理、政策与安全。',
 '课程讲解屋顶光伏的安装条件、发电收益测算、并网政策和使用安全，介绍家用充电桩的申请与安装。'),
('智能家居安装调试', NULL, 'technology-extension', 'huadian', 'jobseekers', 'offline', 24, 680,
 '学习智能门锁、智能照明和家庭网络的安装调试，拓展就业新技能。',
 '课程内容包括智能家居系统组成、无线网络组网、常见设备的安装接线与联动设置，以及上门服务规范。'),
('3D打印技术入门', NULL, 'technology-extension', 'shuzhi', 'youth', 'offline', 12, 580,
 '学习三维建模和3D打印机操作，把创意变成实物。',
 '课程讲解3D打印原理和常用材料，学习简单三维建模软件，完成钥匙扣、笔筒等作品的设计与打印。'),
('节水灌溉技术推广', NULL, 'technology-extension', 'agri', 'farmers', 'offline', 8, 0,
 '推广滴灌、喷灌和水肥一体化技术，节水省肥又增产。',
 '课程讲解节水灌溉系统的类型与选型、管网布置、水肥一体化配方和设备维护，现场观摩示范田。'),
('测土配方施肥', NULL, 'technology-extension', 'agri', 'farmers', 'offline', 6, 0,
 '学会看懂测土报告，按需施肥，减少化肥用量。',
 '课程介绍土壤取样方法、测土报告解读和配方肥的选用，讲解有机肥替代化肥的技术要点。'),
('秸秆综合利用技术', NULL, 'technology-extension', 'agri', 'farmers', 'offline', 6, 0,
 '推广秸秆还田、秸秆饲料化和基料化利用技术。',
 '课程讲解秸秆机械化还田、青贮饲料制作和食用菌基料利用等技术，并介绍秸秆禁烧的政策要求。'),
('北斗导航农机应用', NULL, 'technology-extension', 'agri', 'farmers', 'blended', 8, 0,
 '学习北斗导航自动驾驶农机的操作，提高耕种作业精度。',
 '课程介绍北斗导航系统在农业中的应用、自动驾驶系统的安装校准和田间作业操作，安排现场驾驶体验。'),
('绿色防控与农药安全使用', NULL, 'technology-extension', 'agri', 'farmers', 'offline', 6, 0,
 '学习病虫害绿色防控技术，科学安全使用农药。',
 '课程讲解理化诱控、生物防治等绿色防控技术，以及农药的选购、配制、施用和废弃包装回收。'),
('农机维修与保养', NULL, 'technology-extension', 'agri', 'farmers', 'offline', 16, 0,
 '学习拖拉机、插秧机和收割机的日常保养和常见故障排除。',
 '课程讲解农机的结构原理、班前检查、润滑保养和入库保管，现场拆装练习常见故障的排除方法。'),
-- 老年教育
('老年人智能手机入门', ARRAY['（湖滨区）','（明德区）','（东江区）','（西岭区）','（南浦区）','（北塘区）'], 'senior-education', 'yinling', 'seniors', 'offline', 8, 0,
 '从开关机、打电话、加微信学起，帮助老年朋友轻松使用智能手机。',
 '课程由志愿者一对一辅导，内容包括手机基本设置、字体放大、拨打电话、微信聊天和视频通话，讲义采用大字版。'),
('老年人智能手机进阶', NULL, 'senior-education', 'yinling', 'seniors', 'blended', 8, 0,
 '已经会用手机的老年朋友，进一步学会手机上的常用应用和安全设置。',
 '课程内容包括应用的下载与卸载、手机存储清理、相册管理、防骚扰设置和家人远程协助，适合完成入门课程的学员。'),
('手机拍照与视频剪辑', ARRAY['（入门）','（进阶）'], 'senior-education', 'yinling', 'seniors', 'blended', 8, 0,
 '用手机拍出好看的照片，把旅行和家庭生活剪辑成小视频。',
 '课程讲解手机相机的基本设置、构图技巧和人像拍摄，学习用剪辑软件添加音乐、字幕和转场，制作电子相册。'),
('用手机挂号和支付', ARRAY['（湖滨区）','（明德区）','（东江区）','（西岭区）','（南浦区）','（北塘区）'], 'senior-education', 'yinling', 'seniors', 'offline', 4, 0,
 '学会用手机预约挂号、查看检查报告和扫码支付，看病缴费不排队。',
 '课程手把手演示医院预约挂号、在线缴费、电子医保凭证和移动支付的使用，并讲解支付安全的注意事项。'),
('防范手机诈骗', ARRAY['（湖滨区）','（明德区）','（东江区）','（北塘区）'], 'senior-education', 'pufa', 'seniors', 'offline', 2, 0,
 '识别手机上的诈骗短信、电话和链接，守护老年人的钱袋子。',
 '课程由反诈民警授课，讲解冒充公检法、冒充亲友、虚假中奖等手机诈骗手法，演示如何设置来电拦截和安装反诈应用。'),
('用手机微信和家人视频聊天', NULL, 'senior-education', 'yinling', 'seniors', 'offline', 4, 0,
 '学会用手机微信发语音、发照片和视频通话，随时和儿女孙辈保持联系。',
 '课程演示微信的添加好友、语音消息、图片发送、视频通话和家庭群使用，每位学员都有志愿者陪练。'),
('手机出行：打车、公交与地图导航', NULL, 'senior-education', 'yinling', 'seniors', 'offline', 4, 0,
 '学会用手机查公交、叫出租车和使用地图导航，出门更方便。',
 '课程讲解乘车码的使用、实时公交查询、网约车和出租车的呼叫方法，以及地图导航的基本操作。'),
('用手机办理社保与政务服务', NULL, 'senior-education', 'yinling', 'seniors', 'blended', 4, 0,
 '学会在手机上查询社保、认证养老金资格和办理常用政务事项。',
 '课程演示“明湖通”政务服务应用的注册登录、社保查询、养老金资格认证和医保报销查询，线下安排现场辅导。'),
('手机购物与网上缴费', NULL, 'senior-education', 'yinling', 'seniors', 'online', 4, 0,
 '学习用手机网上购物、缴纳水电燃气费，同时守好支付安全。',
 '课程讲解购物平台的使用、收货地址填写、退换货办理和生活缴费，提醒老年朋友警惕低价诱惑和陌生链接。'),
('老年合唱', NULL, 'senior-education', 'senioru', 'seniors', 'offline', 16, 200,
 '在合唱中愉悦身心、结交朋友，唱响幸福晚年。',
 '课程内容包括呼吸与发声、识谱视唱和合唱曲目排练，学员将参加老年大学年度文艺汇演。'),
('老年模特与形体', NULL, 'senior-education', 'senioru', 'seniors', 'offline', 16, 360,
 '改善体态、提升气质，展现银发风采。',
 '课程学习站姿、走台步伐和定点造型，配合形体训练和服饰搭配讲解，学期末举行走秀汇报。'),
('积极老龄化与心理调适', NULL, 'senior-education', 'senioru', 'seniors', 'online', 4, 0,
 '正确面对退休生活和身体变化，保持积极乐观的心态。',
 '课程讲解退休后的角色转变、常见心理困扰和调适方法，介绍老年志愿服务和再学习的途径。'),
('老年电子琴', ARRAY['（入门）','（进阶）'], 'senior-education', 'senioru', 'seniors', 'offline', 16, 300,
 '从识谱开始学习电子琴演奏，弹奏喜爱的老歌。',
 '课程讲解简谱和五线谱基础、单指和弦、节奏设置，学习弹奏《茉莉花》《送别》等经典曲目。'),
('老年人旅游与摄影', NULL, 'senior-education', 'senioru', 'seniors', 'blended', 12, 480,
 '学习安全出游的知识和旅途摄影技巧，记录美好时光。',
 '课程讲解老年人出游的健康与安全准备、旅游合同和防范购物陷阱，学习风光与人像拍摄，安排明湖周边采风活动。'),
('老年声乐', ARRAY['（基础班）','（提高班）'], 'senior-education', 'djsenioru', 'seniors', 'offline', 16, 240,
 '学习科学发声方法，唱好民歌和经典老歌。',
 '课程讲解呼吸、共鸣和咬字，每学期学唱六至八首歌曲，学员可参加东江区老年大学文艺演出。'),
('老年柔力球', NULL, 'senior-education', 'djsenioru', 'seniors', 'offline', 12, 0,
 '柔力球运动柔中带刚、趣味性强，适合老年人强身健体。',
 '课程学习柔力球的握拍、迎球、引球和抛球技术，以及规定套路，学员可组队参加区级比赛。'),
('老年人读报与时事', NULL, 'senior-education', 'djsenioru', 'seniors', 'offline', 8, 0,
 '解读国内外时事和惠老政策，让老年人与时代同行。',
 '课程每周选取热点新闻和民生政策进行解读，组织学员交流讨论，并介绍养老服务、医保等惠老政策。'),
('电脑入门与上网', ARRAY['（入门）','（进阶）'], 'senior-education', 'openu', 'seniors', 'offline', 12, 0,
 '学习电脑开关机、打字和上网浏览，跟上信息时代。',
 '课程内容包括键盘鼠标操作、拼音输入法、浏览器使用和网上查资料，课堂配有助教随时答疑。'),
('老年旗袍文化与形体', NULL, 'senior-education', 'djsenioru', 'seniors', 'offline', 12, 300,
 '了解旗袍文化，学习旗袍穿着礼仪和形体展示。',
 '课程介绍旗袍的历史和款式，讲授穿着搭配、仪态和走秀技巧，展现东方女性的优雅气质。'),
-- 家庭教育
('0—3岁婴幼儿科学育儿', ARRAY['（上）','（下）'], 'family-education', 'familyed', 'parents', 'blended', 8, 0,
 '科学喂养、早期启蒙和常见病护理，新手爸妈的育儿必修课。',
 '课程由儿科医生和早教老师授课，讲解母乳与辅食喂养、睡眠习惯、疫苗接种、动作和语言发展，以及亲子游戏。'),
('家庭教育家长课堂', ARRAY['（湖滨区）','（明德区）','（东江区）','（西岭区）','（南浦区）','（北塘区）'], 'family-education', 'familyed', 'parents', 'offline', 6, 0,
 '家庭教育讲师团走进社区，帮助家长树立科学的教育观念。',
 '课程围绕家校共育、习惯培养、学习动力和亲子沟通等主题展开，每讲留出家长提问和交流时间。'),
('青春期亲子沟通', NULL, 'family-education', 'xinlei', 'parents', 'offline', 8, 380,
 '读懂青春期孩子的心理变化，学会倾听和有效沟通。',
 '课程讲解青春期的身心发展特点、常见亲子冲突的成因，通过角色扮演练习倾听、共情和表达技巧。'),
('幼小衔接家长必修课', NULL, 'family-education', 'xinlei', 'parents', 'online', 6, 280,
 '帮助家长科学做好孩子从幼儿园到小学的过渡准备。',
 '课程讲解入学前的生活自理、学习习惯和社会适应准备，澄清“提前学”的误区，给出家庭可操作的建议。'),
('正面管教', ARRAY['（入门）','（进阶）'], 'family-education', 'xinlei', 'parents', 'offline', 12, 680,
 '学习既不惩罚也不娇纵的正面管教方法，培养自律、有责任感的孩子。',
 '课程通过体验式活动讲解正面管教的核心理念和工具，包括鼓励、家庭会议、启发式提问和积极暂停。'),
('儿童安全教育与家庭防护', NULL, 'family-education', 'familyed', 'parents', 'online', 4, 0,
 '预防溺水、烫伤、坠落和走失，给孩子一个安全的成长环境。',
 '课程讲解儿童常见意外伤害的预防、家庭安全检查清单和防拐防性侵教育的方法，附儿童急救要点。'),
('培养孩子的阅读习惯', NULL, 'family-education', 'familyed', 'parents', 'online', 4, 0,
 '如何为不同年龄的孩子选书、陪读，让阅读成为家庭习惯。',
 '课程介绍亲子共读的方法、分级阅读书目和家庭阅读环境的营造，推荐明湖市图书馆的少儿阅读资源。'),
('网络时代的家庭教育', NULL, 'family-education', 'familyed', 'parents', 'online', 4, 0,
 '合理管理孩子的屏幕时间，预防网络沉迷，提升孩子的媒介素养。',
 '课程讲解未成年人网络保护的相关规定、家长监护模式的设置，以及和孩子约定上网规则的方法。'),
('智慧祖辈：隔代教育', NULL, 'family-education', 'familyed', 'seniors', 'offline', 4, 0,
 '帮助祖辈家长更新育儿观念，和子女形成教育合力。',
 '课程讨论隔代教育中的常见问题，如溺爱、包办和两代人观念冲突，分享科学的育儿知识和沟通方法。'),
('婴幼儿辅食制作', NULL, 'family-education', 'qiaoshou', 'parents', 'offline', 4, 280,
 '学习六个月到三岁宝宝辅食的添加顺序和制作方法。',
 '课程讲解辅食添加的时间与原则、过敏预防，现场示范米粉、蔬菜泥、肉泥和软饭的制作。'),
('儿童心理发展与情绪管理', NULL, 'family-education', 'xinlei', 'parents', 'blended', 8, 480,
 '了解儿童各阶段的心理发展特点，帮助孩子认识和管理情绪。',
 '课程讲解儿童情绪发展规律、常见行为问题背后的需求，以及情绪绘本、游戏等家庭情绪教育方法。'),
('留守儿童家庭教育指导', NULL, 'family-education', 'familyed', 'parents', 'offline', 4, 0,
 '指导外出务工家长和祖辈监护人做好留守儿童的关爱与教育。',
 '课程讲解远程亲子沟通的方法、留守儿童心理关爱和安全监护要点，介绍村里的儿童之家和关爱服务资源。'),
('新市民子女家庭教育', NULL, 'family-education', 'familyed', 'migrant_workers', 'offline', 4, 0,
 '帮助随迁子女家长做好孩子的学习陪伴和城市适应。',
 '课程安排在晚间，讲解随迁子女入学政策、作业辅导的方法、孩子适应新环境的心理支持，以及利用社区资源开展课后看护。'),
('二孩三孩家庭的同胞关系', NULL, 'family-education', 'xinlei', 'parents', 'online', 4, 280,
 '处理好多子女家庭的同胞竞争，培养手足情谊。',
 '课程讲解同胞竞争的原因、父母的公平与因材施教，以及迎接新成员前后的家庭准备。'),
-- 新型农民培训
('果蔬种植技术', ARRAY['（初级）','（中级）'], 'farmer-training', 'lvyuan', 'farmers', 'offline', 24, 0,
 '新型职业农民种植技术培训，学习蔬菜和水果的高效种植，实现增产增收。',
 '课程内容包括品种选择、育苗移栽、肥水管理和病虫害防治，在合作社大棚开展田间教学。'),
('水稻绿色高产栽培', NULL, 'farmer-training', 'agri', 'farmers', 'offline', 16, 0,
 '推广水稻绿色高产栽培技术，稳产提质、节本增效。',
 '课程讲解优质品种选择、机插秧、精准施肥、科学管水和病虫害绿色防控，组织观摩高产示范方。'),
('生猪健康养殖', ARRAY['（基础）','（提高）'], 'farmer-training', 'agri', 'farmers', 'offline', 16, 0,
 '新型职业农民养殖技术培训，学习生猪标准化健康养殖和疫病防控。',
 '课程内容包括猪舍建设、饲料配制、饲养管理、非洲猪瘟等疫病防控和粪污资源化利用。'),
('稻田综合种养（稻虾共作）', NULL, 'farmer-training', 'agri', 'farmers', 'offline', 12, 0,
 '一水两用、一田双收，学习稻虾共作的关键技术。',
 '课程讲解稻田改造、虾苗投放、水质调控和水稻栽培管理，组织参观南浦区稻虾共作示范基地。'),
('家禽生态养殖', NULL, 'farmer-training', 'agri', 'farmers', 'offline', 12, 0,
 '学习林下养鸡、生态养鸭等家禽生态养殖技术。',
 '课程内容包括场地规划、品种选择、饲养管理、疫病防治和产品销售，强调环境保护和食品安全。'),
('茶叶种植与加工', NULL, 'farmer-training', 'qingyun', 'farmers', 'offline', 16, 0,
 '学习茶园管理和名优绿茶加工技术，提升茶叶品质和效益。',
 '课程在西岭区云溪镇茶区开展，讲解茶园施肥、修剪和病虫害防治，以及杀青、揉捻、干燥等加工工艺。'),
('农村电商实务', ARRAY['（入门）','（进阶）'], 'farmer-training', 'yunfan', 'farmers', 'blended', 16, 0,
 '新型职业农民农村电商培训，帮助农民把农产品卖到网上，拓宽销售渠道。',
 '课程讲解农产品网店开设、产品拍摄与包装、物流发货和售后服务，结合本地特色农产品开展实战。'),
('农产品直播带货', NULL, 'farmer-training', 'yunfan', 'farmers', 'blended', 12, 0,
 '用手机直播推介家乡农产品，学会直播带货的基本方法。',
 '课程讲解手机直播的设备准备、直播话术、选品和定价，学员在田间地头完成一场实战直播。'),
('家庭农场经营管理', NULL, 'farmer-training', 'agri', 'farmers', 'blended', 16, 0,
 '学习家庭农场的生产规划、成本核算和市场营销。',
 '课程讲解家庭农场认定政策、生产经营计划、财务记账和品牌营销，组织学员参观示范家庭农场。'),
('农民合作社规范化建设', NULL, 'farmer-training', 'lvyuan', 'farmers', 'offline', 8, 0,
 '学习农民专业合作社的组建、运营和规范化管理。',
 '课程讲解合作社章程、成员大会和理事会制度、财务管理和盈余分配，分享绿源果蔬专业合作社的经验。'),
('新型职业农民经营管理能力提升', NULL, 'farmer-training', 'agri', 'farmers', 'blended', 24, 0,
 '面向种养大户和合作社带头人，提升经营管理和市场开拓能力。',
 '课程内容包括农业政策解读、农业经营主体发展、农产品营销和农业保险，安排外出考察学习。'),
('果树修剪与嫁接', NULL, 'farmer-training', 'lvyuan', 'farmers', 'offline', 8, 0,
 '学习桃、梨、柑橘等果树的整形修剪和嫁接技术。',
 '课程在果园现场教学，讲解不同树种的修剪时期和方法、嫁接方式和嫁接后的管理。'),
('水产养殖技术', NULL, 'farmer-training', 'agri', 'farmers', 'offline', 12, 0,
 '学习池塘养鱼、虾蟹养殖的水质管理和病害防治技术。',
 '课程讲解养殖品种选择、苗种投放、饲料投喂、水质调控和常见病害防治，组织参观渔港村养殖基地。'),
('农产品质量安全与品牌建设', NULL, 'farmer-training', 'agri', 'farmers', 'online', 6, 0,
 '了解农产品质量安全标准，学习打造地方农产品品牌。',
 '课程讲解农产品合格证制度、绿色食品认证和地理标志申报，分享本市特色农产品品牌建设案例。'),
('食用菌栽培技术', NULL, 'farmer-training', 'agri', 'farmers', 'offline', 12, 0,
 '学习香菇、平菇、木耳等食用菌的栽培技术。',
 '课程讲解菌种选择、菌棒制作、出菇管理和病虫害防治，并介绍秸秆等农业废弃物作为栽培基料的利用。'),
('花卉苗木栽培', NULL, 'farmer-training', 'lvyuan', 'farmers', 'offline', 12, 0,
 '学习盆花、绿化苗木的繁育和养护技术，发展庭院经济。',
 '课程讲解扦插、播种和嫁接繁殖方法，苗圃的水肥管理和病虫害防治，以及花卉苗木的销售渠道。'),
-- 数字技能
('Python编程', ARRAY['（入门）','（进阶）','（数据分析）'], 'digital-skills', 'shuzhi', 'youth', 'online', 24, 980,
 '零基础学习Python编程，掌握变量、循环、函数等核心知识。',
 '课程通过大量小练习学习Python语法和常用库，进阶班学习面向对象和文件处理，数据分析班学习数据清洗与可视化。'),
('Excel办公', ARRAY['（入门）','（进阶）','（数据透视表与图表）'], 'digital-skills', 'shuzhi', 'jobseekers', 'blended', 12, 380,
 '学习Excel表格制作、公式函数和数据分析，提高办公效率。',
 '课程内容包括表格录入与格式设置、常用函数、排序筛选、数据透视表和图表制作，结合工资表、库存表等实例练习。'),
('Word文档与PPT演示制作', NULL, 'digital-skills', 'shuzhi', 'jobseekers', 'online', 12, 280,
 '学习Word长文档排版和PPT演示文稿设计，做出专业的文档和汇报。',
 '课程讲解样式与目录、表格与图片排版、PPT版式设计、动画和演讲技巧。'),
('短视频运营与账号定位', NULL, 'digital-skills', 'yunfan', 'youth', 'online', 12, 680,
 '学习短视频账号定位、内容规划和数据分析，做好个人或企业账号运营。',
 '课程讲解平台推荐机制、账号定位与人设、内容选题、粉丝运营和数据复盘，并分析本地成功账号案例。'),
('平面设计（Photoshop）', ARRAY['（入门）','（进阶）'], 'digital-skills', 'shuzhi', 'youth', 'blended', 24, 880,
 '学习Photoshop图像处理和海报设计，掌握平面设计的基本技能。',
 '课程内容包括图层、选区、蒙版和调色，文字排版与海报设计，完成电商主图和活动海报作品。'),
('少儿编程（Scratch）', ARRAY['（入门）','（进阶）'], 'digital-skills', 'shuzhi', 'youth', 'blended', 16, 880,
 '用拖拽积木的方式编写动画和小游戏，培养孩子的逻辑思维。',
 '课程从角色、造型和事件讲起，学习顺序、循环和条件等编程概念，每次课完成一个小作品，期末进行作品展示。'),
('数据安全与个人隐私保护', NULL, 'digital-skills', 'shuzhi', 'all', 'online', 4, 0,
 '学会保护电脑和手机中的数据，防范病毒和勒索软件。',
 '课程讲解密码管理、数据备份、系统更新、公共无线网络的风险和常见网络攻击的防范方法。'),
('人工智能工具办公应用', NULL, 'digital-skills', 'shuzhi', 'all', 'online', 8, 480,
 '学习用人工智能工具写文案、做表格和整理资料，提升工作效率。',
 '课程演示人工智能对话工具在写作、翻译、表格和会议纪要中的应用，讲解提问技巧和信息核实方法。'),
('网页设计与前端开发', NULL, 'digital-skills', 'shuzhi', 'youth', 'online', 32, 1180,
 '学习HTML、CSS和JavaScript，独立完成一个响应式网站。',
 '课程从网页结构和样式讲起，学习布局、交互和调试方法，最终完成个人作品集网站的开发与发布。'),
('新媒体写作', NULL, 'digital-skills', 'openu', 'all', 'online', 8, 380,
 '学习公众号文章和新媒体文案的写作方法，写出有人爱读的文字。',
 '课程讲解选题、标题、结构和排版，分析优秀新媒体文章，学员每周完成一篇写作练习并获得点评。'),
('网上求职与远程办公', NULL, 'digital-skills', 'openu', 'jobseekers', 'online', 6, 0,
 '学习使用招聘平台求职和视频会议、在线文档等远程办公工具。',
 '课程讲解招聘平台的简历投递、视频面试的准备，以及在线会议、协同文档和网盘的使用。'),
('视障人士读屏软件使用', NULL, 'digital-skills', 'yangguang', 'disabled', 'blended', 12, 0,
 '帮助视障人士使用读屏软件操作电脑和手机，融入数字生活。',
 '课程由视障讲师授课，讲解读屏软件的安装设置、常用手势和快捷键，以及上网、聊天和购物等操作。'),
('残疾人电商客服就业培训', NULL, 'digital-skills', 'yangguang', 'disabled', 'online', 24, 0,
 '培训电商客服岗位技能，帮助残疾人实现居家就业。',
 '课程内容包括电商平台规则、客服话术、订单处理和售后服务，结业后推荐到合作企业从事线上客服工作。'),
('数字生活：手机银行与电子证照', NULL, 'digital-skills', 'yinling', 'all', 'online', 4, 0,
 '学会使用手机银行、电子社保卡和电子身份证照，享受数字生活便利。',
 '课程演示手机银行转账与查询、电子社保卡申领、电子证照的出示和使用，并讲解账户安全设置。');

-- Expand the variants. Hashes are keyed by the course title, so adding a base row does not
-- reshuffle the other courses. hx(m, i) below is written out as
-- ('x' || substr(m, i, 7))::bit(28)::int: a non-negative 28-bit slice of an md5 digest.
CREATE TEMP TABLE demo_course AS
SELECT x.*,
       least(4.0, greatest(0.5, round(x.hours_v / 8.0 * 2) / 2))::numeric(4, 1) AS credits,
       ('x' || substr(md5('course:' || x.title), 1, 7))::bit(28)::int  AS h1,
       ('x' || substr(md5('course:' || x.title), 8, 7))::bit(28)::int  AS h2,
       ('x' || substr(md5('course:' || x.title), 15, 7))::bit(28)::int AS h3,
       ('x' || substr(md5('course:' || x.title), 22, 7))::bit(28)::int AS h4,
       NULL::int AS course_id
  FROM (SELECT row_number() OVER (ORDER BY b.k, v.ord)::int AS n,
               b.title || v.suffix AS title, v.suffix, b.cat, b.agency, b.audience, b.mode,
               b.summary, b.learn, dr.id AS district_id, dr.name AS district_name,
               CASE WHEN v.suffix ~ '(进阶|提高|中级|高级|四级|高阶|宴客|数据|实操)'
                    THEN round(b.hours * 1.25)::int ELSE b.hours END AS hours_v,
               CASE WHEN b.fee = 0 THEN 0
                    WHEN v.suffix ~ '(进阶|提高|中级|高级|四级|高阶|宴客|数据)'
                    THEN least(1200, round(b.fee * 1.2 / 10)::int * 10) ELSE b.fee END AS fee_v
          FROM demo_base b
          CROSS JOIN LATERAL unnest(coalesce(b.variants, ARRAY[''])) WITH ORDINALITY AS v (suffix, ord)
          LEFT JOIN regions dr ON dr.level = 'district' AND v.suffix = '（' || dr.name || '）') x;

-- Titles identify the demo courses below; fail loudly if two variants collide.
ALTER TABLE demo_course ADD UNIQUE (title);
-- Statistics for the helper tables keep the row estimates realistic: with the defaults the
-- planner expects far more rows and spends seconds on JIT compilation.
ANALYZE demo_region, demo_agency, demo_base, demo_course;

INSERT INTO courses (agency_id, category_id, title, summary, description, audience, mode, credits,
                     hours, status, rating_sum, rating_count, created_at, updated_at, listed_at)
SELECT a.id, cat.id, c.title, c.summary,
       c.learn
       || E'\n\n'
       || CASE c.audience
              WHEN 'all' THEN '本课程面向全体市民开放，不限年龄和学历，欢迎感兴趣的居民报名。'
              WHEN 'seniors' THEN '本课程面向60岁以上的老年朋友，讲课节奏放慢、讲义字体放大，每节课都留出答疑和练习时间，也欢迎子女陪同听课。'
              WHEN 'migrant_workers' THEN '本课程面向来明湖工作和生活的外来务工人员，课程多安排在晚间和周末，不影响正常上班。'
              WHEN 'youth' THEN '本课程面向青少年和青年学员，注重动手实践与团队合作；未满14周岁的学员需由家长陪同报名。'
              WHEN 'parents' THEN '本课程面向婴幼儿及中小学生的家长，也欢迎祖辈家长和准备生育的年轻夫妇参加。'
              WHEN 'farmers' THEN '本课程面向本市农村种养殖户、家庭农场主和农民合作社成员，农闲时段集中授课，并安排田间现场教学。'
              WHEN 'disabled' THEN '本课程面向持证残疾人及其家属，教学场地无障碍，可根据需要提供手语翻译或大字版、盲文讲义。'
              WHEN 'jobseekers' THEN '本课程面向登记失业人员、高校毕业生和有转岗需求的在职人员，结业后可获得就业推荐服务。'
          END
       || CASE
              WHEN c.district_id IS NOT NULL
                  THEN '本期由' || c.district_name || '社区学院统筹安排，在区内各学习点就近开班。'
              WHEN c.suffix LIKE '%五级%' THEN '本期对应职业技能等级五级（初级工），适合零基础或刚入行的学员。'
              WHEN c.suffix LIKE '%四级%' THEN '本期对应职业技能等级四级（中级工），报名者应已取得五级证书或具备相应工作经历。'
              WHEN c.suffix ~ '(入门|初级|基础)' THEN '本期为入门班，适合零基础学员，从最基本的知识和操作讲起。'
              WHEN c.suffix ~ '(进阶|中级)' THEN '本期为进阶班，建议已完成入门课程或具备一定基础的学员报名。'
              WHEN c.suffix ~ '(提高|高级|高阶)' THEN '本期为提高班，以综合练习、实战项目和作品展示为主。'
              WHEN c.suffix ~ '^（[一二三上下]）$|篇$' THEN '本课程是系列课程中的一部分，各部分可单独报名，也可按顺序连续学习。'
              WHEN c.suffix = '（理论）' THEN '本期以理论学习为主，结业后可报名实操班。'
              WHEN c.suffix = '（实操）' THEN '本期以现场实操为主，报名者需已完成理论学习。'
              WHEN c.suffix = '（宴客菜）' THEN '本期为专题班，学做适合家庭聚会的宴客菜。'
              WHEN c.suffix = '（数据分析）' THEN '本期为专题班，学习用Python进行数据清洗、统计和可视化。'
              WHEN c.suffix = '（数据透视表与图表）' THEN '本期为专题班，集中学习数据透视表和图表制作。'
              WHEN c.suffix = '（城镇班）' THEN '本期为城镇班，面向城镇登记失业人员和有创业意愿的居民。'
              WHEN c.suffix = '（大学生专班）' THEN '本期为大学生专班，面向在校大学生和毕业五年内的高校毕业生。'
              ELSE ''
          END
       || E'\n\n'
       || CASE c.mode
              WHEN 'online' THEN '课程通过明湖终身学习平台在线学习，手机和电脑均可观看，每讲附有练习，学员可随时回看。'
              WHEN 'offline' THEN '课程在学习点面授，授课老师现场示范、手把手指导，请按时到班签到。'
              ELSE '课程采用线上线下相结合（O2O）的方式：线上观看微课、完成练习，线下到学习点参加面授和实践活动。'
          END
       || E'\n\n'
       || '本课程共' || c.hours_v || '学时，完成学习并通过考核可获得' || c.credits
       || '学分，记入个人终身学习账户（学分银行），可按规定进行学分认定和转换。'
       || CASE WHEN c.fee_v = 0
                   THEN '本课程为公益性课程，由政府购买服务提供，学员免费参加。如报名后不能参加，请提前取消，把名额留给其他居民。'
               WHEN c.cat = 'vocational-skills'
                   THEN '本课程为付费课程，收费标准以各班次公示为准。符合条件的学员可按规定申请职业技能培训补贴。'
               ELSE '本课程为付费课程，收费标准以各班次公示为准，开课前可按平台规定申请退费。'
          END,
       c.audience, c.mode, c.credits, c.hours_v, 'listed',
       -- about one course in ten is new and unrated; the others have 1-300 ratings averaging 3.5-5.0
       least(r.cnt * 5, round(r.cnt * (3.5 + (c.h2 % 151) / 100.0))::int),
       r.cnt,
       now() - make_interval(days => 30 + c.h3 % 700, mins => c.h3 % 1440),
       now() - make_interval(days => 30 + c.h3 % 700, mins => c.h3 % 1440)
             + make_interval(days => c.h3 % 29),
       now() - make_interval(days => 30 + c.h3 % 700, mins => c.h3 % 1440)
  FROM demo_course c
  JOIN demo_agency da ON da.key = c.agency
  JOIN agencies a ON a.name = da.name
  JOIN categories cat ON cat.slug = c.cat
  CROSS JOIN LATERAL (SELECT CASE WHEN c.h1 % 10 = 0 THEN 0 ELSE 1 + c.h1 % 300 END AS cnt) r
 ORDER BY c.n;

UPDATE demo_course d SET course_id = c.id FROM courses c WHERE c.title = d.title;

-- Learning outcomes (学习成果), one a line: 2-4 of the five written for the course's category,
-- picked by a hash of the title.
CREATE TEMP TABLE demo_outcome (cat text NOT NULL, lines text[] NOT NULL);
INSERT INTO demo_outcome (cat, lines) VALUES
    ('core-values', ARRAY['说出社会主义核心价值观的基本内容', '结合身边事例讲述一个践行核心价值观的故事',
                          '了解本社区的居民公约和村规民约', '在家庭和社区生活中做到诚信友善', '参与一次志愿服务或社区议事活动']),
    ('culture-arts', ARRAY['掌握本门艺术的基本技法和常用工具', '独立完成一件作品并参加结业展示',
                           '欣赏并评价经典作品的艺术特点', '了解相关非物质文化遗产的历史', '在社区文化活动中表演或展示所学']),
    ('civility', ARRAY['掌握日常交往和公共场所的基本礼仪', '在家庭、邻里交往中做到文明用语',
                       '了解垃圾分类和文明出行的要求', '正确使用公共设施，爱护公共环境', '在接待、宴请等场合得体地待人接物']),
    ('popular-science', ARRAY['用科学知识解释几种常见的生活现象', '辨别常见的伪科学说法和网络谣言',
                              '完成一个简单的家庭科学小实验', '了解明湖本地的自然环境和生态保护', '掌握家庭用电、用气的安全常识']),
    ('law', ARRAY['了解与日常生活密切相关的法律规定', '知道遇到纠纷时如何寻求法律援助和调解',
                  '看懂并签订一份简单的合同或协议', '识别常见的电信网络诈骗手法', '依法维护自己和家人的合法权益']),
    ('health', ARRAY['掌握一套适合自己的健身或养生方法', '了解常见慢性病的预防和自我管理',
                     '在突发情况下进行基本的急救处置', '合理安排一日三餐，做到膳食均衡', '看懂体检报告中的常用指标']),
    ('vocational-skills', ARRAY['掌握本工种的基本操作规范和安全要求', '独立完成考核要求的实操项目',
                                '参加职业技能等级认定考试', '了解相关岗位的就业渠道和补贴政策', '按行业标准检查和改进自己的工作成果']),
    ('entrepreneurship', ARRAY['完成一份自己的创业计划书', '测算创业项目的成本、收入和风险',
                               '了解小微企业注册登记和税收优惠政策', '掌握网店或新媒体推广的基本方法', '知道如何申请创业担保贷款']),
    ('technology-extension', ARRAY['掌握一项适用的新技术、新品种或新工艺', '按技术规程完成田间或车间操作',
                                   '了解新技术的投入成本和收益', '识别并处理常见的技术问题', '把所学技术推广给周围的农户或同事']),
    ('senior-education', ARRAY['按自己的节奏掌握课程的基本内容', '在课堂展示或汇报演出中展示所学',
                               '结识同好，参加学习团队和社区活动', '了解老年人常见的健康和安全知识', '用手机与家人分享学习成果']),
    ('family-education', ARRAY['了解孩子不同年龄段的身心发展特点', '用积极的方式与孩子沟通，化解亲子冲突',
                               '为孩子制定合理的作息和学习计划', '识别孩子情绪和心理上的异常信号', '与祖辈、学校形成教育合力']),
    ('farmer-training', ARRAY['掌握一项主要作物或畜禽的生产技术', '科学、安全地使用农药和化肥',
                              '了解农产品质量安全和品牌认证', '通过电商平台销售自家农产品', '了解家庭农场和合作社的扶持政策']),
    ('digital-skills', ARRAY['独立使用手机或电脑完成课程中的常见操作', '安全地使用移动支付和网上政务服务',
                             '识别并防范网络诈骗和个人信息泄露', '用办公软件完成一份实际的文档或表格', '利用网络资源继续自主学习']);

UPDATE courses c
   SET outcomes = array_to_string(ARRAY(
           SELECT o.lines[1 + (d.h2 / 5 + i) % 5] FROM generate_series(0, 1 + d.h4 % 3) AS i ORDER BY i),
           E'\n')
  FROM demo_course d JOIN demo_outcome o ON o.cat = d.cat
 WHERE c.id = d.course_id;

-- ---------------------------------------------------------------------------------------------
-- 5. Offerings (班次): 1-4 per course. Online offerings have no site; offline and blended ones
--    are held at a site from a pool: the course's district for district variants, rural sites
--    (towns and villages) for farmers, the larger sites (levels 1-3 and the training bases) for
--    vocational, business and digital courses, and any site otherwise.
-- ---------------------------------------------------------------------------------------------

CREATE TEMP TABLE demo_pool AS
WITH site_district AS (
    SELECT s.id, s.level, s.name, r.name AS region_name,
           CASE WHEN r.level = 'district' THEN r.id
                WHEN r1.level = 'district' THEN r1.id
                WHEN r2.level = 'district' THEN r2.id END AS district_id
      FROM sites s
      JOIN regions r ON r.id = s.region_id
      LEFT JOIN regions r1 ON r1.id = r.parent_id
      LEFT JOIN regions r2 ON r2.id = r1.parent_id
), pool AS (
    SELECT 'all' AS pool, id AS site_id FROM site_district
    UNION ALL
    SELECT 'big', id FROM site_district
     WHERE level <= 3 OR name IN ('东江区职业技能实训基地', '工业园街道新市民学校')
    UNION ALL
    SELECT 'rural', id FROM site_district WHERE region_name ~ '(镇|村)$'
    UNION ALL
    SELECT 'd' || district_id, id FROM site_district WHERE level >= 2 AND district_id IS NOT NULL
)
SELECT pool, site_id,
       row_number() OVER (PARTITION BY pool ORDER BY site_id)::int AS idx,
       count(*) OVER (PARTITION BY pool)::int AS cnt
  FROM pool;
ANALYZE demo_pool;

INSERT INTO offerings (course_id, site_id, name, starts_on, ends_on, schedule, capacity, seats_taken,
                       price_fen, enroll_opens_at, enroll_closes_at, status, weekdays, time_from,
                       time_to, free_seats, cancel_until, min_age, residence_region_id)
WITH o AS (
    SELECT c.course_id, c.n, c.mode, c.audience, c.cat, c.fee_v, c.district_id, k.kk,
           h.a, h.b, h.c, h.d,
           current_date + (-60 + h.a % 181) AS starts_on,
           4 + h.b % 13 AS weeks,
           -- 0: weekday daytime, 1: weekday evening, 2: weekend daytime
           CASE c.audience
               WHEN 'seniors' THEN 0
               WHEN 'farmers' THEN h.c % 2
               WHEN 'migrant_workers' THEN 1 + h.c % 2
               WHEN 'jobseekers' THEN (ARRAY[0, 1, 2])[1 + h.c % 3]
               WHEN 'youth' THEN (ARRAY[1, 2, 2])[1 + h.c % 3]
               WHEN 'parents' THEN (ARRAY[1, 2, 2])[1 + h.c % 3]
               ELSE (ARRAY[0, 0, 1, 2])[1 + h.c % 4]
           END AS slot,
           CASE WHEN c.district_id IS NOT NULL THEN 'd' || c.district_id
                WHEN c.audience = 'farmers' THEN 'rural'
                WHEN c.cat IN ('vocational-skills', 'entrepreneurship', 'digital-skills',
                               'technology-extension') THEN 'big'
                ELSE 'all' END AS pool
      FROM demo_course c
      -- constant bounds, so the planner estimates 4 rows per course (and does not JIT-compile)
      JOIN generate_series(1, 4) AS k (kk) ON k.kk <= 1 + c.h4 % 4
      CROSS JOIN LATERAL (SELECT md5('offering:' || c.title || ':' || k.kk) AS m) mm
      CROSS JOIN LATERAL (SELECT ('x' || substr(mm.m, 1, 7))::bit(28)::int  AS a,
                                 ('x' || substr(mm.m, 8, 7))::bit(28)::int  AS b,
                                 ('x' || substr(mm.m, 15, 7))::bit(28)::int AS c,
                                 ('x' || substr(mm.m, 22, 7))::bit(28)::int AS d) h
), t AS (
    SELECT o.*,
           o.starts_on + 7 * o.weeks AS ends_on,
           CASE WHEN o.slot = 2 THEN (ARRAY['每周六', '每周日', '每周六、周日'])[1 + (o.c / 7) % 3]
                ELSE (ARRAY['每周一、周三', '每周二、周四', '每周三、周五', '每周一', '每周二',
                            '每周三', '每周四', '每周五'])[1 + (o.c / 7) % 8] END AS days,
           -- the same days as weekday bits (1 Monday … 64 Sunday)
           CASE WHEN o.slot = 2 THEN (ARRAY[32, 64, 96])[1 + (o.c / 7) % 3]
                ELSE (ARRAY[5, 10, 20, 1, 2, 4, 8, 16])[1 + (o.c / 7) % 8] END AS day_bits,
           CASE WHEN o.audience = 'farmers' THEN
                     CASE WHEN o.slot = 1 THEN '19:00–21:00' ELSE '14:00–17:00' END
                WHEN o.slot = 1 THEN (ARRAY['18:30–20:30', '19:00–21:00'])[1 + (o.c / 11) % 2]
                ELSE (ARRAY['8:30–10:30', '9:00–11:00', '9:30–11:30', '14:00–16:00',
                            '14:30–16:30'])[1 + (o.c / 11) % 5] END AS hours_text,
           CASE WHEN o.mode = 'online' THEN 100 + (o.c % 9) * 50 ELSE 15 + o.c % 46 END AS capacity,
           CASE WHEN extract(month FROM o.starts_on) BETWEEN 3 AND 5 THEN '春季'
                WHEN extract(month FROM o.starts_on) BETWEEN 6 AND 8 THEN '夏季'
                WHEN extract(month FROM o.starts_on) BETWEEN 9 AND 11 THEN '秋季'
                ELSE '冬季' END AS season,
           CASE WHEN o.mode = 'online' THEN '线上'
                WHEN o.slot = 2 THEN '周末'
                WHEN o.slot = 1 THEN '晚间'
                ELSE '' END AS tag
      FROM o
)
SELECT t.course_id,
       CASE WHEN t.mode = 'online' THEN NULL ELSE p.site_id END,
       extract(year FROM t.starts_on)::int || '年' || t.season
           || CASE WHEN t.kk = 1 THEN t.tag || '班'
                   ELSE '第' || t.kk || '期' || CASE WHEN t.tag <> '' THEN '（' || t.tag || '班）' ELSE '' END
              END,
       t.starts_on,
       t.ends_on,
       CASE t.mode
           WHEN 'online' THEN (ARRAY['随到随学，每周更新2讲', '每周三 19:30–21:00 直播，可回看',
                                     '每周二、周四 20:00–21:00 线上直播',
                                     '自主学习，' || t.weeks || '周内完成全部课时'])[1 + t.c % 4]
           WHEN 'blended' THEN '线上自学＋' || t.days || ' ' || t.hours_text || ' 面授'
           ELSE t.days || ' ' || t.hours_text
                || CASE WHEN t.audience = 'farmers' AND t.c % 3 = 0 THEN '（含田间实训）' ELSE '' END
       END,
       t.capacity,
       -- one in ten is full, one in twenty has 1-3 seats left, the rest are 0-85 % taken
       CASE WHEN t.d % 20 < 2 THEN t.capacity
            WHEN t.d % 20 = 2 THEN t.capacity - 1 - (t.d / 20) % 3
            ELSE t.capacity * ((t.d / 20) % 86) / 100 END,
       CASE WHEN t.fee_v = 0 THEN 0
            ELSE least(120000, greatest(8000, round(t.fee_v * (9 + t.a % 3) / 100.0)::int * 1000)) END,
       ((t.starts_on - (20 + t.b % 25)) + time '09:00') AT TIME ZONE 'Asia/Shanghai',
       ((t.starts_on - (1 + t.c % 3)) + time '18:00') AT TIME ZONE 'Asia/Shanghai',
       CASE WHEN t.ends_on < current_date OR (t.a / 181) % 23 = 0 THEN 'closed' ELSE 'open' END,
       -- the weekly hours, where the schedule words give them (self-paced online ones do not)
       CASE WHEN t.mode <> 'online' THEN t.day_bits WHEN t.c % 4 = 1 THEN 4 WHEN t.c % 4 = 2 THEN 10 END,
       CASE WHEN t.mode <> 'online' THEN split_part(t.hours_text, '–', 1)::time
            WHEN t.c % 4 = 1 THEN time '19:30' WHEN t.c % 4 = 2 THEN time '20:00' END,
       CASE WHEN t.mode <> 'online' THEN split_part(t.hours_text, '–', 2)::time
            WHEN t.c % 4 = 1 THEN time '21:00' WHEN t.c % 4 = 2 THEN time '21:00' END,
       -- about a third of the paid offerings keep a tenth of their seats as free public-interest seats
       CASE WHEN t.fee_v > 0 AND t.b % 3 = 0 THEN greatest(1, t.capacity / 10) ELSE 0 END,
       -- half the paid offerings may be cancelled until the day before they start at 18:00
       CASE WHEN t.fee_v > 0 AND (t.b / 3) % 2 = 0
            THEN ((t.starts_on - 1) + time '18:00') AT TIME ZONE 'Asia/Shanghai' END,
       CASE WHEN t.cat = 'senior-education' OR t.audience = 'seniors' THEN 60 END,
       -- a district's own classes are for its residents, one in three of them
       CASE WHEN t.district_id IS NOT NULL AND t.b % 3 = 1 THEN t.district_id END
  FROM t
  LEFT JOIN demo_pool p ON p.pool = t.pool AND p.idx = 1 + (t.d / 400) % p.cnt
 ORDER BY t.n, t.kk;

-- The offerings trigger has kept the course facts up to date; refresh once more for safety.
SELECT refresh_all_course_facts();

-- ---------------------------------------------------------------------------------------------
-- 6. The teacher pool (师资库): 2-4 teachers per agency, full-time, part-time and volunteer, with
--    the certificates a reviewer checks. Each offering gets one or two teachers of its agency,
--    chosen by a hash of the offering, the first of them always on it.
-- ---------------------------------------------------------------------------------------------

CREATE TEMP TABLE demo_teacher (
    agency  text NOT NULL,
    ord     int NOT NULL,
    name    text NOT NULL,
    kind    text NOT NULL,
    subjects text NOT NULL,
    quals   text NOT NULL,
    PRIMARY KEY (agency, ord)
);

INSERT INTO demo_teacher (agency, ord, name, kind, subjects, quals) VALUES
    ('openu', 1, '周文涛', 'full_time', '思想政治、公民素养', E'高等学校教师资格证\n副教授'),
    ('openu', 2, '林晓燕', 'full_time', '计算机应用、数字技能', E'高级中学教师资格证\n全国计算机等级考试三级'),
    ('openu', 3, '陈建国', 'part_time', '健康管理', E'健康管理师（二级）\n执业医师资格证'),
    ('redcross', 1, '吴海峰', 'full_time', '心肺复苏、创伤救护', E'红十字会救护培训师资证\n急救医学主治医师'),
    ('redcross', 2, '郑丽萍', 'volunteer', 'AED使用、应急避险', E'红十字救护员证\n注册护士执业证书'),
    ('senioru', 1, '王淑珍', 'full_time', '国画、书法', E'高级中学教师资格证（美术）\n明湖市美术家协会会员'),
    ('senioru', 2, '李德明', 'part_time', '声乐、合唱', E'高级中学教师资格证（音乐）\n合唱指挥等级证书'),
    ('senioru', 3, '赵桂兰', 'volunteer', '养生保健、八段锦', E'社会体育指导员（二级）\n中医保健按摩师（四级）'),
    ('djsenioru', 1, '孙志强', 'full_time', '智能手机、摄影', E'初级中学教师资格证\n中国摄影家协会会员'),
    ('djsenioru', 2, '钱月华', 'part_time', '舞蹈、太极', E'社会体育指导员（一级）\n舞蹈教师资格证（中级）'),
    ('familyed', 1, '黄雅琴', 'full_time', '家庭教育、亲子沟通', E'家庭教育指导师（高级）\n国家二级心理咨询师'),
    ('familyed', 2, '徐立新', 'part_time', '青少年心理', E'高级中学教师资格证\n国家二级心理咨询师'),
    ('familyed', 3, '何静', 'volunteer', '隔代教育', E'小学教师资格证\n家庭教育指导师（中级）'),
    ('xinlei', 1, '马慧敏', 'full_time', '婴幼儿照护、早期教育', E'育婴员（三级）\n幼儿园教师资格证'),
    ('xinlei', 2, '罗晓东', 'part_time', '儿童心理', E'国家三级心理咨询师\n小学教师资格证'),
    ('ankang', 1, '高丽娟', 'full_time', '养老护理', E'养老护理员（二级/技师）\n职业技能等级认定考评员'),
    ('ankang', 2, '梁永红', 'part_time', '保健按摩', E'保健按摩师（三级）\n中等职业学校教师资格证'),
    ('huimin', 1, '宋建军', 'full_time', '电工、焊工', E'电工（二级/技师）\n中等职业学校实习指导教师资格证'),
    ('huimin', 2, '谢春梅', 'full_time', '中式面点', E'中式面点师（二级/技师）'),
    ('huimin', 3, '韩志远', 'part_time', '职业礼仪、求职指导', E'企业人力资源管理师（二级）\n职业指导师（三级）'),
    ('qiaoshou', 1, '唐秀英', 'full_time', '家政服务、收纳整理', E'家政服务员（二级/技师）\n整理收纳师（高级）'),
    ('qiaoshou', 2, '冯丽华', 'part_time', '母婴护理', E'育婴员（二级）\n母婴护理员（高级）'),
    ('huadian', 1, '曹国栋', 'full_time', '电工、光伏运维', E'电工（一级/高级技师）\n特种作业操作证（低压电工）'),
    ('huadian', 2, '邓建华', 'part_time', '电子商务', E'电子商务师（三级）\n中等职业学校教师资格证'),
    ('moxiang', 1, '许墨林', 'full_time', '书法、篆刻', E'中国书法家协会会员\n高级中学教师资格证（美术）'),
    ('moxiang', 2, '袁晓琳', 'part_time', '国画、水彩', E'中国美术家协会会员'),
    ('moxiang', 3, '蒋思远', 'volunteer', '剪纸、非遗手工', E'明湖市非物质文化遗产代表性传承人'),
    ('qingyun', 1, '沈清韵', 'full_time', '茶艺、评茶', E'茶艺师（二级/技师）\n评茶员（三级）'),
    ('qingyun', 2, '彭茗', 'part_time', '茶叶种植与加工', E'农艺师（中级职称）\n评茶员（二级）'),
    ('taiji', 1, '吕振华', 'volunteer', '杨式太极拳', E'社会体育指导员（一级）\n中国武术段位六段'),
    ('taiji', 2, '苏美玲', 'volunteer', '太极扇、八段锦', E'社会体育指导员（二级）\n中国武术段位四段'),
    ('dance', 1, '卢芳', 'part_time', '广场舞、民族舞', E'舞蹈教师资格证（高级）\n社会体育指导员（二级）'),
    ('dance', 2, '丁雪梅', 'volunteer', '排舞', E'社会体育指导员（二级）\n排舞指导员证书'),
    ('shuzhi', 1, '魏子航', 'full_time', 'Python编程、数据分析', E'软件设计师（中级）\n高级中学教师资格证（信息技术）'),
    ('shuzhi', 2, '任佳琪', 'full_time', '办公软件、网络安全', E'全国计算机等级考试三级\n网络与信息安全管理员（三级）'),
    ('shuzhi', 3, '姜明', 'part_time', '人工智能应用', E'人工智能训练师（三级）'),
    ('yunfan', 1, '方一帆', 'full_time', '电商运营、直播带货', E'电子商务师（二级）\n互联网营销师（三级）'),
    ('yunfan', 2, '石磊', 'part_time', '短视频制作', E'互联网营销师（四级）\n摄影摄像技术员（三级）'),
    ('agri', 1, '贺农生', 'full_time', '水稻栽培、病虫害防治', E'高级农艺师\n农作物植保员（二级）'),
    ('agri', 2, '龙春华', 'full_time', '果树栽培', E'农艺师（中级职称）\n果树园艺工（三级）'),
    ('agri', 3, '田丰', 'part_time', '畜禽养殖', E'执业兽医资格证\n家畜饲养员（三级）'),
    ('lvyuan', 1, '万绿源', 'part_time', '蔬菜种植', E'新型职业农民证书\n蔬菜园艺工（三级）'),
    ('lvyuan', 2, '段秀云', 'volunteer', '农产品电商', E'农村电商带头人培训结业证书'),
    ('pufa', 1, '雷正义', 'volunteer', '民法典、婚姻家庭', E'律师执业证\n法律职业资格证书（A证）'),
    ('pufa', 2, '夏法宁', 'volunteer', '劳动法、消费者权益', E'律师执业证\n人民调解员证'),
    ('pufa', 3, '钟晓', 'part_time', '反诈、网络安全', E'法律职业资格证书（A证）\n高级中学教师资格证（思想政治）'),
    ('kexie', 1, '邱天宇', 'volunteer', '天文、地球科学', E'中国科普作家协会会员\n高级工程师'),
    ('kexie', 2, '汪晓敏', 'part_time', '生活科学、食品安全', E'食品检验工（二级）\n高级中学教师资格证（化学）'),
    ('kexie', 3, '秦岭', 'volunteer', '应急科普', E'注册安全工程师\n红十字救护员证'),
    ('tcm', 1, '华仲景', 'part_time', '中医养生、中药识别', E'中医执业医师资格证\n主任中医师'),
    ('tcm', 2, '陆春兰', 'full_time', '推拿、艾灸', E'中医执业医师资格证\n保健按摩师（二级/技师）'),
    ('cook', 1, '覃大厨', 'full_time', '中式烹调', E'中式烹调师（二级/技师）\n职业技能等级认定考评员'),
    ('cook', 2, '杜玉珍', 'full_time', '中式面点', E'中式面点师（三级）'),
    ('cook', 3, '白海', 'part_time', '西式面点', E'西式面点师（三级）\n中式烹调师（三级）'),
    ('lang', 1, '黎安娜', 'full_time', '英语口语', E'高级中学教师资格证（英语）\n英语专业八级'),
    ('lang', 2, '傅明远', 'part_time', '普通话、商务日语', E'普通话水平测试一级乙等\n日本语能力测试N1'),
    ('chuangye', 1, '邹志诚', 'full_time', '创业指导', E'创业指导师（二级）\nSYB创业培训讲师证'),
    ('chuangye', 2, '熊雅丽', 'part_time', '财务与税务', E'中级会计师\n税务师'),
    ('chuangye', 3, '金涛', 'volunteer', '企业经营', E'高级经济师'),
    ('wenming', 1, '陶红', 'volunteer', '宣讲、社区治理', E'明湖市道德模范\n社会工作者（中级）'),
    ('wenming', 2, '姚建平', 'volunteer', '文明礼仪', E'高级中学教师资格证\n礼仪培训师（中级）'),
    ('yangguang', 1, '潘晓阳', 'full_time', '手工制作、职业技能', E'中等职业学校教师资格证\n手语翻译员（三级）'),
    ('yangguang', 2, '戴敏', 'full_time', '电脑操作、电商客服', E'全国计算机等级考试二级\n电子商务师（四级）'),
    ('yangguang', 3, '汤静怡', 'volunteer', '康复训练', E'康复治疗师（初级职称）\n社会工作者（初级）'),
    ('yinling', 1, '范晓慧', 'full_time', '智能手机、移动支付', E'初级中学教师资格证（信息技术）'),
    ('yinling', 2, '郝建', 'volunteer', '防范电信诈骗', E'人民警察（退休）\n社区反诈宣传员证书'),
    ('culture', 1, '严琴', 'full_time', '声乐、群众文艺', E'群众文化副研究馆员\n高级中学教师资格证（音乐）'),
    ('culture', 2, '洪书文', 'part_time', '阅读推广、朗诵', E'全民阅读推广人\n普通话水平测试一级甲等'),
    ('culture', 3, '常乐', 'volunteer', '摄影', E'中国摄影家协会会员'),
    ('pending', 1, '程一鸣', 'full_time', '少儿编程、机器人', E'小学教师资格证（信息技术）\n青少年编程能力等级考试考官');

INSERT INTO teachers (agency_id, name, kind, subjects, qualifications, created_at, updated_at)
SELECT a.id, t.name, t.kind, t.subjects, t.quals, a.created_at, a.created_at
  FROM demo_teacher t
  JOIN demo_agency da ON da.key = t.agency
  JOIN agencies a ON a.name = da.name
 ORDER BY da.ord, t.ord;

-- One teacher per offering, a second on about one in three: a hash of the offering picks them.
INSERT INTO offering_teachers (offering_id, teacher_id, agency_id)
WITH pool AS (
    SELECT t.id, t.agency_id,
           row_number() OVER (PARTITION BY t.agency_id ORDER BY t.id)::int AS idx,
           count(*) OVER (PARTITION BY t.agency_id)::int AS cnt
      FROM teachers t
), o AS (
    SELECT o.id, c.agency_id,
           ('x' || substr(md5('teacher:' || c.title || ':' || o.name), 1, 7))::bit(28)::int AS h
      FROM offerings o JOIN courses c ON c.id = o.course_id
)
SELECT DISTINCT o.id, p.id, p.agency_id
  FROM o
  JOIN pool p ON p.agency_id = o.agency_id
             AND (p.idx = 1 + o.h % p.cnt
                  OR (o.h / 7) % 3 = 0 AND p.idx = 1 + (o.h + 1) % p.cnt);

-- Each listed course starts with its first version, so an agency's first change shows a diff.
INSERT INTO course_versions (course_id, no, cause, snapshot, made_at)
SELECT id, 1, 'cosmetic', listing_snapshot(id, false), listed_at FROM courses WHERE status = 'listed';

DROP TABLE demo_outcome, demo_teacher, demo_pool, demo_course, demo_base, demo_agency, demo_region;
