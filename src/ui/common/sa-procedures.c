/* sa-procedures.c — the catalogue of the four documented procedures and their steps
 *
 * What the procedure panel says beside each page: the documented step the page
 * carries out ("Step 6 of 10") and, in our own words, what to do there. The
 * headings are built here from one "Step %u of %u" string, so that a step
 * number is written once; the seed documents are in ../seeds/. With the Cisco
 * connection the same procedures end in Cisco's portal: the *_PORTAL_* steps
 * are what the hand-off page (src/ui/hand-off/) lists and the panel follows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-procedures.h"

typedef struct
{
  const char *title;
  guint       n_steps;
} ProcedureInfo;

static const ProcedureInfo procedures[] = {
  [SA_PROCEDURE_ASSIGN_ORDER] = { N_("Assign an order to a Smart Account"), 10 },
  /* Translators: the documented procedure that changes the End Customer or Holding
   * Smart Account of an existing order (the pencil icon in CCW) */
  [SA_PROCEDURE_UPDATE_ASSIGNMENT] = { N_("Change the Smart Account assignment of an order"), 9 },
  [SA_PROCEDURE_REQUEST_ACCOUNT] = { N_("Request a Smart Account for a customer"), 6 },
  [SA_PROCEDURE_REQUEST_ACCESS] = { N_("Request Access to an Existing Smart Account"), 8 },
};

typedef struct
{
  SaProcedure  procedure;
  guint        first;  /* 0: before the numbered steps ("Before You Start") */
  guint        last;   /* the same as first for a single step */
  const char  *part;   /* "a", "b" or NULL */
  const char  *text;
} StepInfo;

static const StepInfo steps[] = {
  [SA_PROCEDURE_STEP_ASSIGN_BEFORE_YOU_START] = {
    SA_PROCEDURE_ASSIGN_ORDER, 0, 0, NULL,
    N_("Once an order has shipped, its Smart Account assignment cannot be changed here, whatever it is. "
       "To move its licenses, or to have them deposited where they belong, open a case with "
       "Cisco Global Licensing Operations in Support Case Manager (SCM).") },
  [SA_PROCEDURE_STEP_ASSIGN_FIND_ORDER] = {
    SA_PROCEDURE_ASSIGN_ORDER, 2, 3, NULL,
    N_("Find the order: choose what to search by — Sales Order No., Web Order No. or PO No. — "
       "and type it, or leave the search empty to see all your orders. Then open the order "
       "from the results to see its details.") },
  [SA_PROCEDURE_STEP_ASSIGN_FIND_ORDER_BY_NUMBER] = {
    SA_PROCEDURE_ASSIGN_ORDER, 2, 3, NULL,
    N_("Find the order: choose what to search by — Sales Order No., Web Order No. or PO No. — "
       "type it in full and press Enter: the order opens with its details. Cisco lists no orders, "
       "so the search needs the order’s number.") },
  [SA_PROCEDURE_STEP_ASSIGN_OPEN_ASSIGNMENTS] = {
    SA_PROCEDURE_ASSIGN_ORDER, 3, 4, NULL,
    N_("These are the order's details. Select “View or change Smart Account Assignments” in the banner at the top "
       "to open the order's Smart Account section.") },
  [SA_PROCEDURE_STEP_ASSIGN_PENCIL] = {
    SA_PROCEDURE_ASSIGN_ORDER, 5, 5, NULL,
    N_("In the Smart Account section, select the pencil next to End Customer Smart Account or Holding Smart Account, "
       "depending on which one you need to set or change.") },
  [SA_PROCEDURE_STEP_ASSIGN_SEARCH_ACCOUNT] = {
    SA_PROCEDURE_ASSIGN_ORDER, 6, 6, NULL,
    N_("Keep “Select an Existing Account”, choose what to search by — Domain Identifier, Account Name or Email ID — "
       "then type the value and search for the Smart Account.") },
  [SA_PROCEDURE_STEP_ASSIGN_SELECT_ACCOUNT] = {
    SA_PROCEDURE_ASSIGN_ORDER, 7, 7, NULL,
    N_("Select the Smart Account you want in the search results. Check its status: a Pending account can be "
       "assigned, but it receives the license only once it is Active.") },
  [SA_PROCEDURE_STEP_ASSIGN_VIRTUAL_ACCOUNT] = {
    SA_PROCEDURE_ASSIGN_ORDER, 8, 8, NULL,
    N_("Pick the Virtual Account that should receive the licenses in “Virtual Account Name”, then select Assign. "
       "The name is shown exactly as it is written, even in Japanese; if in doubt, the DEFAULT Virtual Account is always there.") },
  [SA_PROCEDURE_STEP_ASSIGN_ACCEPT_TERMS] = {
    SA_PROCEDURE_ASSIGN_ORDER, 9, 9, NULL,
    N_("Check that the Smart Account section shows your change, tick the box to accept the terms of use, then select Submit.") },
  [SA_PROCEDURE_STEP_ASSIGN_CONFIRM] = {
    SA_PROCEDURE_ASSIGN_ORDER, 10, 10, NULL,
    N_("Confirm with Yes to submit the change. The back office saves the new Smart Account assignment of the order.") },
  [SA_PROCEDURE_STEP_REQUEST_ACCOUNT_DRAFT] = {
    SA_PROCEDURE_REQUEST_ACCOUNT, 2, 2, NULL,
    N_("This is where the portal's “Request a Smart Account” begins. You started a request earlier "
       "without sending it; it was kept for you. Continue it, or start again with an empty form.") },
  [SA_PROCEDURE_STEP_REQUEST_ACCOUNT_IDENTIFY] = {
    SA_PROCEDURE_REQUEST_ACCOUNT, 3, 3, "a",
    N_("In “Identify Account Name and Customer”, give the new account a name, the e-mail address of the "
       "person at the customer who will approve it, and the customer's Account Domain. A Note to "
       "Customer is optional.") },
  [SA_PROCEDURE_STEP_REQUEST_ACCOUNT_USERS] = {
    SA_PROCEDURE_REQUEST_ACCOUNT, 3, 3, "b",
    N_("In “Add Users to the Account”, list the e-mail addresses of the people who should use the new "
       "account, with a Note to Added Users if needed. Nobody is required: users can be added later.") },
  [SA_PROCEDURE_STEP_REQUEST_ACCOUNT_REVIEW] = {
    SA_PROCEDURE_REQUEST_ACCOUNT, 4, 5, NULL,
    N_("Look over the whole request on “Review Request”. Each pencil takes you back to its field. When "
       "everything is right, select Send Request.") },
  [SA_PROCEDURE_STEP_REQUEST_ACCOUNT_RESULT] = {
    SA_PROCEDURE_REQUEST_ACCOUNT, 6, 6, NULL,
    N_("The provisional Smart Account has been created, Pending customer acceptance. The customer gets an "
       "e-mail explaining how to activate it; you get a confirmation once they have. Without their "
       "acceptance within 90 days, the request lapses.") },
  [SA_PROCEDURE_STEP_REQUEST_ACCESS_PROFILE] = {
    SA_PROCEDURE_REQUEST_ACCESS, 5, 5, NULL,
    N_("Look over the profile the portal holds for you: the administrators will see it with your request. "
       "When a detail is wrong or missing, choose “Update your profile”, fix it and save before going on.") },
  [SA_PROCEDURE_STEP_REQUEST_ACCESS_DOMAIN] = {
    SA_PROCEDURE_REQUEST_ACCESS, 6, 6, NULL,
    N_("Enter the Account Domain Identifier of the Smart Account you need, then Submit. "
       "If more than one Smart Account uses that domain, a list appears: pick the one you mean.") },
  [SA_PROCEDURE_STEP_REQUEST_ACCESS_REASON] = {
    SA_PROCEDURE_REQUEST_ACCESS, 7, 7, NULL,
    N_("Say briefly why you need access — the administrators decide on that basis — then choose Send Request.") },
  [SA_PROCEDURE_STEP_REQUEST_ACCESS_SENT] = {
    SA_PROCEDURE_REQUEST_ACCESS, 8, 8, NULL,
    N_("The request now waits for the Smart Account’s administrators. You are told when they approve or deny it; "
       "until then you can follow it, and remind them, under Your Access Requests.") },
  [SA_PROCEDURE_STEP_ASSIGN_PORTAL_FIND_ORDER] = {
    SA_PROCEDURE_ASSIGN_ORDER, 1, 3, NULL,
    N_("Open Cisco Commerce Workspace (CCW) and sign in with your Cisco.com account. In the global search, "
       "search for the Sales Order No. below, then open the order from the results.") },
  [SA_PROCEDURE_STEP_ASSIGN_PORTAL_PENCIL] = {
    SA_PROCEDURE_ASSIGN_ORDER, 4, 5, NULL,
    N_("On the order, select “View or change Smart Account Assignments”, then the pencil next to the "
       "Smart Account named below.") },
  [SA_PROCEDURE_STEP_ASSIGN_PORTAL_SEARCH] = {
    SA_PROCEDURE_ASSIGN_ORDER, 6, 6, NULL,
    N_("Keep “Select an Existing Account”, search by Domain Identifier and paste the Domain Identifier below.") },
  [SA_PROCEDURE_STEP_ASSIGN_PORTAL_SELECT] = {
    SA_PROCEDURE_ASSIGN_ORDER, 7, 7, NULL,
    N_("In the search results, select the Smart Account with the Account Name below.") },
  [SA_PROCEDURE_STEP_ASSIGN_PORTAL_VIRTUAL_ACCOUNT] = {
    SA_PROCEDURE_ASSIGN_ORDER, 8, 8, NULL,
    N_("In “Virtual Account Name”, choose the Virtual Account below, then select Assign.") },
  [SA_PROCEDURE_STEP_ASSIGN_PORTAL_DEFAULT] = {
    SA_PROCEDURE_ASSIGN_ORDER, 8, 8, NULL,
    N_("The portal does not list Virtual Account names with double-byte characters. In “Virtual Account Name”, "
       "choose DEFAULT, then select Assign. Once the licenses are in DEFAULT, the app offers to transfer them "
       "to the intended Virtual Account below.") },
  [SA_PROCEDURE_STEP_ASSIGN_PORTAL_SUBMIT] = {
    SA_PROCEDURE_ASSIGN_ORDER, 9, 10, NULL,
    N_("Tick the box to accept the terms of use, select Submit, then Yes in “Submit Change”. Come back here and "
       "choose “Done in the Portal”: the app then watches the order until its licenses arrive.") },
  [SA_PROCEDURE_STEP_REQUEST_ACCOUNT_PORTAL_OPEN] = {
    SA_PROCEDURE_REQUEST_ACCOUNT, 1, 2, NULL,
    N_("Open Cisco Software Central and sign in with your Cisco.com account. Under New Customer Accounts, "
       "select Request a Smart Account.") },
  [SA_PROCEDURE_STEP_REQUEST_ACCOUNT_PORTAL_IDENTIFY] = {
    SA_PROCEDURE_REQUEST_ACCOUNT, 3, 3, "a",
    N_("In “Identify Account Name and Customer”, enter the values below.") },
  [SA_PROCEDURE_STEP_REQUEST_ACCOUNT_PORTAL_USERS] = {
    SA_PROCEDURE_REQUEST_ACCOUNT, 3, 3, "b",
    N_("In “Add Users to the Account”, enter the values below, if any.") },
  [SA_PROCEDURE_STEP_REQUEST_ACCOUNT_PORTAL_SEND] = {
    SA_PROCEDURE_REQUEST_ACCOUNT, 4, 5, NULL,
    N_("Select Send Request, check the request on “Review Request”, then select Send Request again. Come back "
       "here and choose “Done in the Portal”: the app then watches for the account, Pending customer acceptance, "
       "and counts the 90 days the customer has to accept it.") },
  [SA_PROCEDURE_STEP_REQUEST_ACCESS_PORTAL_OPEN] = {
    SA_PROCEDURE_REQUEST_ACCESS, 1, 4, NULL,
    N_("Open Cisco Software Central and sign in with your Cisco.com account. Open the menu, select "
       "Administration, then, under Smart Account Management, Request Access to an Existing Smart Account.") },
  [SA_PROCEDURE_STEP_REQUEST_ACCESS_PORTAL_PROFILE] = {
    SA_PROCEDURE_REQUEST_ACCESS, 5, 5, NULL,
    N_("Check that your profile is right and complete; if it is not, select “Update your profile”.") },
  [SA_PROCEDURE_STEP_REQUEST_ACCESS_PORTAL_DOMAIN] = {
    SA_PROCEDURE_REQUEST_ACCESS, 6, 6, NULL,
    N_("In Account Domain Identifier, paste the domain below and select Submit. If a list of Smart Accounts "
       "appears, pick the one with the Account Name below.") },
  [SA_PROCEDURE_STEP_REQUEST_ACCESS_PORTAL_REASON] = {
    SA_PROCEDURE_REQUEST_ACCESS, 7, 7, NULL,
    N_("In “Reason for request”, paste the reason below, then select Send Request. Come back here and choose "
       "“Done in the Portal”: the app then watches your Smart Accounts until the access is granted.") },
};

/**
 * sa_procedure_get_title:
 * @procedure: a documented procedure
 *
 * The procedure's name as the procedure panel and the wizards show it.
 *
 * Returns: (transfer none): the translated title, e.g. "Assign an order to a
 *   Smart Account"
 */
const char *
sa_procedure_get_title (SaProcedure procedure)
{
  g_return_val_if_fail (procedure < G_N_ELEMENTS (procedures), NULL);

  return _(procedures[procedure].title);
}

/**
 * sa_procedure_get_n_steps:
 * @procedure: a documented procedure
 *
 * Returns: how many numbered steps the document gives @procedure (10, 9, 6 or 8)
 */
guint
sa_procedure_get_n_steps (SaProcedure procedure)
{
  g_return_val_if_fail (procedure < G_N_ELEMENTS (procedures), 0);

  return procedures[procedure].n_steps;
}

/**
 * sa_procedure_dup_step_of:
 * @step: the step (or page) number, from 1
 * @n_steps: how many there are
 *
 * The one "Step 6 of 10" string of the app, for the procedure panel's
 * headings and for a wizard's page counter alike.
 *
 * Returns: (transfer full): the translated text. Free with g_free().
 */
char *
sa_procedure_dup_step_of (guint step,
                          guint n_steps)
{
  /* Translators: a step of a documented procedure, or a page of a wizard: "Step 6 of 10" */
  return g_strdup_printf (_("Step %u of %u"), step, n_steps);
}

/**
 * sa_procedure_step_get_procedure:
 * @step: a documented step
 *
 * Returns: the procedure @step belongs to
 */
SaProcedure
sa_procedure_step_get_procedure (SaProcedureStep step)
{
  g_return_val_if_fail (step < G_N_ELEMENTS (steps), SA_PROCEDURE_ASSIGN_ORDER);

  return steps[step].procedure;
}

/**
 * sa_procedure_step_dup_heading:
 * @step: a documented step
 *
 * The heading of @step in the procedure panel: "Step 6 of 10", "Steps 3 and 4
 * of 10", "Steps 1 to 3 of 10", "Step 3 of 6, part a", or "Before You Start"
 * for the prerequisites.
 *
 * Returns: (transfer full): the translated heading. Free with g_free().
 */
char *
sa_procedure_step_dup_heading (SaProcedureStep step)
{
  const StepInfo *info;
  guint n_steps;

  g_return_val_if_fail (step < G_N_ELEMENTS (steps), NULL);

  info = &steps[step];
  n_steps = procedures[info->procedure].n_steps;

  if (info->first == 0)
    /* Translators: heading in the procedure panel, before the numbered steps */
    return g_strdup (_("Before You Start"));

  if (info->last > info->first + 1)
    /* Translators: several documented steps carried out at once: "Steps 1 to 3 of 10" */
    return g_strdup_printf (_("Steps %u to %u of %u"), info->first, info->last, n_steps);

  if (info->last != info->first)
    /* Translators: two documented steps carried out on one page: "Steps 3 and 4 of 10" */
    return g_strdup_printf (_("Steps %u and %u of %u"), info->first, info->last, n_steps);

  if (info->part != NULL)
    /* Translators: part of a documented step: "Step 3 of 6, part a";
     * %1$u the step, %2$u how many steps, %3$s the letter of the part */
    return g_strdup_printf (_("Step %1$u of %2$u, part %3$s"), info->first, n_steps, info->part);

  return sa_procedure_dup_step_of (info->first, n_steps);
}

/**
 * sa_procedure_step_get_text:
 * @step: a documented step
 *
 * What the user does on the page that carries out @step, in our own words.
 *
 * Returns: (transfer none): the translated explanation
 */
const char *
sa_procedure_step_get_text (SaProcedureStep step)
{
  g_return_val_if_fail (step < G_N_ELEMENTS (steps), NULL);

  return _(steps[step].text);
}
