/* sa-wizard-draft.h — the draft of a wizard's form: saved as it changes,
 * offered back when the wizard opens again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The one delay between the last change and its save (milliseconds). */
#define SA_WIZARD_DRAFT_SAVE_DELAY_MS 400

/* Keys of a draft are lower case words joined by '-', as GSettings keys are
 * ("account-name", "pending-users"). Every draft records the page the user
 * was on under this key. */
#define SA_WIZARD_DRAFT_KEY_PAGE "page"

#define SA_TYPE_WIZARD_DRAFT (sa_wizard_draft_get_type ())
G_DECLARE_FINAL_TYPE (SaWizardDraft, sa_wizard_draft, SA, WIZARD_DRAFT, GObject)

/**
 * SaWizardDraftBuildFunc:
 * @user_data: the data given to sa_wizard_draft_new()
 *
 * Builds the draft of the form as it is now.
 *
 * Returns: (transfer floating) (nullable): an "a{sv}" #GVariant, or %NULL
 *   while nothing is typed or chosen
 */
typedef GVariant *(*SaWizardDraftBuildFunc) (gpointer user_data);

SaWizardDraft *sa_wizard_draft_new           (const char             *name,
                                              SaWizardDraftBuildFunc  build,
                                              gpointer                user_data);
void           sa_wizard_draft_load          (SaWizardDraft          *self);
gboolean       sa_wizard_draft_get_loading   (SaWizardDraft          *self);
GVariant      *sa_wizard_draft_get_offered   (SaWizardDraft          *self);
GVariant      *sa_wizard_draft_take_offered  (SaWizardDraft          *self);
void           sa_wizard_draft_discard       (SaWizardDraft          *self);
void           sa_wizard_draft_changed       (SaWizardDraft          *self);
void           sa_wizard_draft_flush         (SaWizardDraft          *self);
void           sa_wizard_draft_finish        (SaWizardDraft          *self);

const char    *sa_wizard_draft_lookup_string (GVariant               *draft,
                                              const char             *key);
gboolean       sa_wizard_draft_is_empty      (GVariant               *draft);

G_END_DECLS
