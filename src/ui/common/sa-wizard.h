/* sa-wizard.h — the one shell of the request wizards: pages, Back and Next,
 * the step, the procedure panel and the saved draft's banner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-procedures.h"

G_BEGIN_DECLS

#define SA_TYPE_WIZARD (sa_wizard_get_type ())
G_DECLARE_DERIVABLE_TYPE (SaWizard, sa_wizard, SA, WIZARD, AdwWindow)

/**
 * SaWizardClass:
 * @parent_class: the parent class
 * @page_complete: whether @page is filled in well enough for Next (or, on
 *   the last step, Send Request); not called on the result page
 * @next: Next on @page, once complete; the default shows the following page,
 *   and on the last step calls @send
 * @send: Send Request, on the last step
 * @page_shown: @page was just shown (fill a review, set the procedure step)
 * @save_draft: adds the form's values to @draft (keys as
 *   %SA_WIZARD_DRAFT_KEY_PAGE says); returns %FALSE while nothing is typed
 *   or chosen
 * @restore_draft: fills the form from @draft and shows @page (the page the
 *   user was on, "" for none) or the first one before it that is not complete
 * @describe_draft: the banner's text offering @draft back
 *
 * The pages are the children of the internal child "stack", in order: every
 * page is a step ("Step x of y") but the last, which shows the result once
 * the request is sent.
 */
struct _SaWizardClass
{
  AdwWindowClass parent_class;

  gboolean (*page_complete)  (SaWizard     *self,
                              const char   *page);
  void     (*next)           (SaWizard     *self,
                              const char   *page);
  void     (*send)           (SaWizard     *self);
  void     (*page_shown)     (SaWizard     *self,
                              const char   *page);
  gboolean (*save_draft)     (SaWizard     *self,
                              GVariantDict *draft);
  void     (*restore_draft)  (SaWizard     *self,
                              GVariant     *draft,
                              const char   *page);
  char    *(*describe_draft) (SaWizard     *self,
                              GVariant     *draft);

  /*< private >*/
  gpointer padding[8];
};

void        sa_wizard_class_set_draft_name  (SaWizardClass *klass,
                                             const char    *name);

void        sa_wizard_load_draft            (SaWizard      *self);
void        sa_wizard_form_changed          (SaWizard      *self);
void        sa_wizard_finish_draft          (SaWizard      *self);
void        sa_wizard_show_page             (SaWizard      *self,
                                             const char    *page,
                                             GtkWidget     *focus);
const char *sa_wizard_get_page              (SaWizard      *self);
void        sa_wizard_update_navigation     (SaWizard      *self);
void        sa_wizard_set_busy              (SaWizard      *self,
                                             gboolean       busy);
void        sa_wizard_show_procedure_step   (SaWizard      *self,
                                             SaProcedureStep step);

G_END_DECLS
