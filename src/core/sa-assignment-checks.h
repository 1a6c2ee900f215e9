/* sa-assignment-checks.h — the documented checks before an order is assigned
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-smart-account.h"
#include "sa-types.h"
#include "sa-virtual-account.h"

G_BEGIN_DECLS

/**
 * SaAssignmentProblems:
 * @SA_ASSIGNMENT_PROBLEM_NONE: nothing to say
 * @SA_ASSIGNMENT_PROBLEM_WRONG_TYPE: the Smart Account's type does not fit the
 *   slot: a Holding account in the End Customer slot or the reverse (blocks)
 * @SA_ASSIGNMENT_PROBLEM_EXPIRED: the Smart Account request expired (90 days
 *   without the customer's acceptance): there is no account to assign (blocks)
 * @SA_ASSIGNMENT_PROBLEM_PENDING: the Smart Account is Pending: allowed, but
 *   the licenses are provisioned only once it is Active (step 7's note)
 * @SA_ASSIGNMENT_PROBLEM_DOUBLE_BYTE_VIRTUAL_ACCOUNT: the Virtual Account's
 *   name has double-byte characters, which the portal's Virtual Account Name
 *   list does not show: there, choose DEFAULT and transfer the licenses once
 *   provisioned (step 7's caution)
 *
 * What the checks of "Updating Smart Account Assignment in CCW" (step 7, its
 * note and caution) find in a chosen Smart Account and Virtual Account.
 */
typedef enum /*< flags >*/
{
  SA_ASSIGNMENT_PROBLEM_NONE                        = 0,
  SA_ASSIGNMENT_PROBLEM_WRONG_TYPE                  = 1 << 0,
  SA_ASSIGNMENT_PROBLEM_EXPIRED                     = 1 << 1,
  SA_ASSIGNMENT_PROBLEM_PENDING                     = 1 << 2,
  SA_ASSIGNMENT_PROBLEM_DOUBLE_BYTE_VIRTUAL_ACCOUNT = 1 << 3,
} SaAssignmentProblems;

SaAssignmentProblems sa_assignment_check                (SaAccountType         slot,
                                                         SaSmartAccount       *account,
                                                         SaVirtualAccount     *virtual_account);
gboolean             sa_assignment_problems_block       (SaAssignmentProblems  problems);
gboolean             sa_text_has_double_byte            (const char           *text);
gboolean             sa_smart_account_matches_exactly   (SaSmartAccount       *account,
                                                         SaAccountSearchField  field,
                                                         const char           *value);
gboolean             sa_accounts_have_exact_match       (GListModel           *accounts,
                                                         SaAccountSearchField  field,
                                                         const char           *value);

G_END_DECLS
