/* sa-procedures.h — the catalogue of the four documented procedures and their steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SaProcedure:
 * @SA_PROCEDURE_ASSIGN_ORDER: 1. assign an order to a Smart Account (CCW, 10 steps)
 * @SA_PROCEDURE_UPDATE_ASSIGNMENT: 2. change the Smart Account assignment of an
 *   existing order (CCW, 9 steps)
 * @SA_PROCEDURE_REQUEST_ACCOUNT: 3. request a Smart Account for a customer
 *   (Cisco Software Central, 6 steps)
 * @SA_PROCEDURE_REQUEST_ACCESS: 4. request access to an existing Smart Account
 *   (Cisco Software Central, 8 steps)
 *
 * The procedures Cisco documents, which the app carries out (ARCHITECTURE.md).
 */
typedef enum
{
  SA_PROCEDURE_ASSIGN_ORDER,
  SA_PROCEDURE_UPDATE_ASSIGNMENT,
  SA_PROCEDURE_REQUEST_ACCOUNT,
  SA_PROCEDURE_REQUEST_ACCESS,
} SaProcedure;

/**
 * SaProcedureStep:
 * @SA_PROCEDURE_STEP_ASSIGN_BEFORE_YOU_START: procedure 1, its prerequisites (a
 *   shipped order cannot change)
 * @SA_PROCEDURE_STEP_ASSIGN_FIND_ORDER: procedure 1, steps 2 and 3: search the order
 * @SA_PROCEDURE_STEP_ASSIGN_OPEN_ASSIGNMENTS: procedure 1, steps 3 and 4: the
 *   order's details and the banner
 * @SA_PROCEDURE_STEP_ASSIGN_PENCIL: procedure 1, step 5: the pencil
 * @SA_PROCEDURE_STEP_ASSIGN_SEARCH_ACCOUNT: procedure 1, step 6: search a Smart Account
 * @SA_PROCEDURE_STEP_ASSIGN_SELECT_ACCOUNT: procedure 1, step 7: pick it
 * @SA_PROCEDURE_STEP_ASSIGN_VIRTUAL_ACCOUNT: procedure 1, step 8: the Virtual Account
 * @SA_PROCEDURE_STEP_ASSIGN_ACCEPT_TERMS: procedure 1, step 9: terms and Submit
 * @SA_PROCEDURE_STEP_ASSIGN_CONFIRM: procedure 1, step 10: "Submit Change" → Yes
 * @SA_PROCEDURE_STEP_REQUEST_ACCOUNT_DRAFT: procedure 3, step 2: a saved draft
 * @SA_PROCEDURE_STEP_REQUEST_ACCOUNT_IDENTIFY: procedure 3, step 3 part a:
 *   "Identify Account Name and Customer"
 * @SA_PROCEDURE_STEP_REQUEST_ACCOUNT_USERS: procedure 3, step 3 part b:
 *   "Add Users to the Account"
 * @SA_PROCEDURE_STEP_REQUEST_ACCOUNT_REVIEW: procedure 3, steps 4 and 5: "Review Request"
 * @SA_PROCEDURE_STEP_REQUEST_ACCOUNT_RESULT: procedure 3, step 6: the provisional account
 * @SA_PROCEDURE_STEP_REQUEST_ACCESS_PROFILE: procedure 4, step 5: the profile
 * @SA_PROCEDURE_STEP_REQUEST_ACCESS_DOMAIN: procedure 4, step 6: the Account
 *   Domain Identifier
 * @SA_PROCEDURE_STEP_REQUEST_ACCESS_REASON: procedure 4, step 7: the reason
 * @SA_PROCEDURE_STEP_REQUEST_ACCESS_SENT: procedure 4, step 8: the request is sent
 * @SA_PROCEDURE_STEP_ASSIGN_PORTAL_FIND_ORDER: procedure 1 in CCW (Cisco
 *   hand-off), steps 1 to 3: sign in, search the order, open it
 * @SA_PROCEDURE_STEP_ASSIGN_PORTAL_PENCIL: in CCW, steps 4 and 5: the banner
 *   and the pencil of the slot
 * @SA_PROCEDURE_STEP_ASSIGN_PORTAL_SEARCH: in CCW, step 6: search by Domain
 *   Identifier
 * @SA_PROCEDURE_STEP_ASSIGN_PORTAL_SELECT: in CCW, step 7: the account
 * @SA_PROCEDURE_STEP_ASSIGN_PORTAL_VIRTUAL_ACCOUNT: in CCW, step 8: the
 *   Virtual Account, Assign
 * @SA_PROCEDURE_STEP_ASSIGN_PORTAL_DEFAULT: in CCW, step 8 for a double-byte
 *   Virtual Account: DEFAULT, the transfer comes later
 * @SA_PROCEDURE_STEP_ASSIGN_PORTAL_SUBMIT: in CCW, steps 9 and 10: terms,
 *   Submit, Yes
 * @SA_PROCEDURE_STEP_REQUEST_ACCOUNT_PORTAL_OPEN: procedure 3 in Cisco
 *   Software Central, steps 1 and 2
 * @SA_PROCEDURE_STEP_REQUEST_ACCOUNT_PORTAL_IDENTIFY: there, step 3 part a
 * @SA_PROCEDURE_STEP_REQUEST_ACCOUNT_PORTAL_USERS: there, step 3 part b
 * @SA_PROCEDURE_STEP_REQUEST_ACCOUNT_PORTAL_SEND: there, steps 4 and 5
 * @SA_PROCEDURE_STEP_REQUEST_ACCESS_PORTAL_OPEN: procedure 4 in Cisco
 *   Software Central, steps 1 to 4
 * @SA_PROCEDURE_STEP_REQUEST_ACCESS_PORTAL_PROFILE: there, step 5
 * @SA_PROCEDURE_STEP_REQUEST_ACCESS_PORTAL_DOMAIN: there, step 6
 * @SA_PROCEDURE_STEP_REQUEST_ACCESS_PORTAL_REASON: there, step 7
 * @SA_PROCEDURE_STEP_ASSIGN_FIND_ORDER_BY_NUMBER: procedure 1, steps 2 and 3
 *   with a back end that lists no orders (Cisco): one order by its number
 *
 * A documented step (or pair of steps) that one page of the app carries out,
 * as the procedure panel presents it.
 */
typedef enum
{
  SA_PROCEDURE_STEP_ASSIGN_BEFORE_YOU_START,
  SA_PROCEDURE_STEP_ASSIGN_FIND_ORDER,
  SA_PROCEDURE_STEP_ASSIGN_OPEN_ASSIGNMENTS,
  SA_PROCEDURE_STEP_ASSIGN_PENCIL,
  SA_PROCEDURE_STEP_ASSIGN_SEARCH_ACCOUNT,
  SA_PROCEDURE_STEP_ASSIGN_SELECT_ACCOUNT,
  SA_PROCEDURE_STEP_ASSIGN_VIRTUAL_ACCOUNT,
  SA_PROCEDURE_STEP_ASSIGN_ACCEPT_TERMS,
  SA_PROCEDURE_STEP_ASSIGN_CONFIRM,
  SA_PROCEDURE_STEP_REQUEST_ACCOUNT_DRAFT,
  SA_PROCEDURE_STEP_REQUEST_ACCOUNT_IDENTIFY,
  SA_PROCEDURE_STEP_REQUEST_ACCOUNT_USERS,
  SA_PROCEDURE_STEP_REQUEST_ACCOUNT_REVIEW,
  SA_PROCEDURE_STEP_REQUEST_ACCOUNT_RESULT,
  SA_PROCEDURE_STEP_REQUEST_ACCESS_PROFILE,
  SA_PROCEDURE_STEP_REQUEST_ACCESS_DOMAIN,
  SA_PROCEDURE_STEP_REQUEST_ACCESS_REASON,
  SA_PROCEDURE_STEP_REQUEST_ACCESS_SENT,
  SA_PROCEDURE_STEP_ASSIGN_PORTAL_FIND_ORDER,
  SA_PROCEDURE_STEP_ASSIGN_PORTAL_PENCIL,
  SA_PROCEDURE_STEP_ASSIGN_PORTAL_SEARCH,
  SA_PROCEDURE_STEP_ASSIGN_PORTAL_SELECT,
  SA_PROCEDURE_STEP_ASSIGN_PORTAL_VIRTUAL_ACCOUNT,
  SA_PROCEDURE_STEP_ASSIGN_PORTAL_DEFAULT,
  SA_PROCEDURE_STEP_ASSIGN_PORTAL_SUBMIT,
  SA_PROCEDURE_STEP_REQUEST_ACCOUNT_PORTAL_OPEN,
  SA_PROCEDURE_STEP_REQUEST_ACCOUNT_PORTAL_IDENTIFY,
  SA_PROCEDURE_STEP_REQUEST_ACCOUNT_PORTAL_USERS,
  SA_PROCEDURE_STEP_REQUEST_ACCOUNT_PORTAL_SEND,
  SA_PROCEDURE_STEP_REQUEST_ACCESS_PORTAL_OPEN,
  SA_PROCEDURE_STEP_REQUEST_ACCESS_PORTAL_PROFILE,
  SA_PROCEDURE_STEP_REQUEST_ACCESS_PORTAL_DOMAIN,
  SA_PROCEDURE_STEP_REQUEST_ACCESS_PORTAL_REASON,
  SA_PROCEDURE_STEP_ASSIGN_FIND_ORDER_BY_NUMBER,
} SaProcedureStep;

const char  *sa_procedure_get_title          (SaProcedure      procedure);
guint        sa_procedure_get_n_steps        (SaProcedure      procedure);
char        *sa_procedure_dup_step_of        (guint            step,
                                              guint            n_steps);

SaProcedure  sa_procedure_step_get_procedure (SaProcedureStep  step);
char        *sa_procedure_step_dup_heading   (SaProcedureStep  step);
const char  *sa_procedure_step_get_text      (SaProcedureStep  step);

G_END_DECLS
