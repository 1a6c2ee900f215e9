/* sa-assignment.h — one Smart Account slot of an order (End Customer or Holding)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-types.h"

G_BEGIN_DECLS

#define SA_TYPE_ASSIGNMENT (sa_assignment_get_type ())
G_DECLARE_FINAL_TYPE (SaAssignment, sa_assignment, SA, ASSIGNMENT, GObject)

/* Properties: "domain", "name", "virtual-account" (strings), "account-type",
 * "status" (enums as int). Immutable once built. */
SaAssignment    *sa_assignment_new                 (const char      *domain,
                                                    const char      *name,
                                                    SaAccountType    account_type,
                                                    SaAccountStatus  status,
                                                    const char      *virtual_account);
const char      *sa_assignment_get_domain          (SaAssignment    *self);
const char      *sa_assignment_get_name            (SaAssignment    *self);
SaAccountType    sa_assignment_get_account_type    (SaAssignment    *self);
SaAccountStatus  sa_assignment_get_status          (SaAssignment    *self);
const char      *sa_assignment_get_virtual_account (SaAssignment    *self);
/* TRUE when both name the same domain, type and Virtual Account. */
gboolean         sa_assignment_equal               (SaAssignment    *a,
                                                    SaAssignment    *b);

G_END_DECLS
