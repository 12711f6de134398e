-- Course categories (reference data, not demo data). The subjects follow the seed documents:
-- seed 003 lists values, culture and arts, civility, popular science, law, health, vocational
-- training, entrepreneurship and technology extension; seeds 002 and 004 add senior education,
-- family education, new-type farmer training and digital skills.
-- Slugs are stable identifiers for URLs and code; names and sort order may be edited later.

INSERT INTO categories (slug, name, name_en, sort) VALUES
    ('core-values',          '社会主义核心价值观', 'Core Values',              10),
    ('culture-arts',         '文化艺术',           'Culture and Arts',         20),
    ('civility',             '文明礼仪',           'Civility',                 30),
    ('popular-science',      '科学普及',           'Popular Science',          40),
    ('law',                  '法律法规',           'Law',                      50),
    ('health',               '健康养生',           'Health',                   60),
    ('vocational-skills',    '职业技能',           'Vocational Skills',        70),
    ('entrepreneurship',     '创新创业',           'Entrepreneurship',         80),
    ('technology-extension', '科技推广',           'Technology Extension',     90),
    ('senior-education',     '老年教育',           'Senior Education',        100),
    ('family-education',     '家庭教育',           'Family Education',        110),
    ('farmer-training',      '新型农民培训',       'New-type Farmer Training', 120),
    ('digital-skills',       '数字技能',           'Digital Skills',          130);
