/* sa-assign-review.h — the Assign Smart Account dialog's review: the change, the terms, Submit Change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sa-core.h"

G_BEGIN_DECLS

#define SA_TYPE_ASSIGN_REVIEW (sa_assign_review_get_type ())
G_DECLARE_FINAL_TYPE (SaAssignReview, sa_assign_review, SA, ASSIGN_REVIEW, GtkWidget)

void      sa_assign_review_set_change         (SaAssignReview *self,
                                               SaAccountType   slot,
                                               SaAssignment   *before,
                                               SaAssignment   *after);
gboolean  sa_assign_review_get_terms_accepted (SaAssignReview *self);
GtkWidget *sa_assign_review_get_submit_button (SaAssignReview *self);

G_END_DECLS
