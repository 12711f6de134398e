/* about: the service's statements that every public site owes its users: accessibility (GB/T
 * 37668-2019 and MIIT's elderly-friendly rules) and privacy (PIPL). Text lives in the language
 * files; the handlers only pick the template. */
#include "pages.h"

void page_accessibility(struct req *rq, struct resp *rs)
{
        rs->template = "pages/about/accessibility.cs";
        rs->title = view_str(rq->lang, "about.a11y.title");
}

void page_privacy(struct req *rq, struct resp *rs)
{
        rs->template = "pages/about/privacy.cs";
        rs->title = view_str(rq->lang, "about.privacy.title");
}
