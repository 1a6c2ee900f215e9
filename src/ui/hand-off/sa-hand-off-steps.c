/* sa-hand-off-steps.c — the portal steps a hand-off still needs, with their values
 *
 * With the Cisco connection the last step of each procedure is done in Cisco's
 * portal (CISCO-APIS.md §0, §5.3): CCW for an order's Smart Account
 * (procedures 1 and 2), Cisco Software Central for a Smart Account request
 * (3) and an access request (4). From the prepared #SaHandOff this file lists
 * the documented steps left to do there (the *_PORTAL_* steps of
 * sa-procedures.c), each with the exact values to enter, and names the portal
 * page to open. A double-byte Virtual Account becomes DEFAULT in the portal,
 * the intended one kept on the hand-off for the transfer the watch offers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-hand-off-private.h"

/**
 * sa_hand_off_step_free:
 * @step: (transfer full): a portal step
 *
 * Frees @step with its labels and values.
 */
void
sa_hand_off_step_free (SaHandOffStep *step)
{
  if (step == NULL)
    return;

  g_clear_pointer (&step->labels, g_ptr_array_unref);
  g_clear_pointer (&step->values, g_ptr_array_unref);
  g_free (step->instruction);
  g_free (step);
}

static SaHandOffStep *
add_step (GPtrArray       *steps,
          SaProcedureStep  procedure_step)
{
  SaHandOffStep *step = g_new0 (SaHandOffStep, 1);

  step->step = procedure_step;
  step->labels = g_ptr_array_new ();
  step->values = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (steps, step);

  return step;
}

/* Adds one value to enter, unless it is empty. */
static void
add_value (SaHandOffStep *step,
           const char    *label,
           const char    *value)
{
  if (value == NULL || *value == '\0')
    return;

  g_ptr_array_add (step->labels, (gpointer) label);
  g_ptr_array_add (step->values, g_strdup (value));
}

static void
add_field (SaHandOffStep  *step,
           SaHandOff      *hand_off,
           SaHandOffField  field,
           const char     *label)
{
  add_value (step, label != NULL ? label : sa_hand_off_field_get_label (field),
             sa_hand_off_get_field (hand_off, field));
}

/* Procedures 1 and 2: steps 4 to 8 for one slot. */
static void
add_slot_steps (GPtrArray *steps,
                SaHandOff *hand_off)
{
  SaHandOffStep *step;
  gboolean holding = sa_hand_off_get_slot (hand_off) == SA_HAND_OFF_SLOT_HOLDING;

  /* which pencil is chosen, not typed: an instruction, nothing to copy */
  step = add_step (steps, SA_PROCEDURE_STEP_ASSIGN_PORTAL_PENCIL);
  step->instruction = g_strdup (holding
                                ? _("For this change, select the pencil beside Holding Smart Account.")
                                : _("For this change, select the pencil beside End Customer Smart Account."));

  step = add_step (steps, SA_PROCEDURE_STEP_ASSIGN_PORTAL_SEARCH);
  add_field (step, hand_off, SA_HAND_OFF_FIELD_DOMAIN, NULL);

  step = add_step (steps, SA_PROCEDURE_STEP_ASSIGN_PORTAL_SELECT);
  add_field (step, hand_off, SA_HAND_OFF_FIELD_ACCOUNT_NAME, NULL);

  if (sa_hand_off_needs_transfer (hand_off))
    {
      step = add_step (steps, SA_PROCEDURE_STEP_ASSIGN_PORTAL_DEFAULT);
      add_field (step, hand_off, SA_HAND_OFF_FIELD_VIRTUAL_ACCOUNT, _("Virtual Account Name"));
      add_field (step, hand_off, SA_HAND_OFF_FIELD_INTENDED_VIRTUAL_ACCOUNT, NULL);
    }
  else
    {
      step = add_step (steps, SA_PROCEDURE_STEP_ASSIGN_PORTAL_VIRTUAL_ACCOUNT);
      add_field (step, hand_off, SA_HAND_OFF_FIELD_VIRTUAL_ACCOUNT, _("Virtual Account Name"));
    }
}

/**
 * sa_hand_off_steps_build:
 * @hand_offs: (element-type SaHandOff): the prepared hand-offs of one
 *   procedure and one subject (for an order, one per slot changed)
 *
 * Lists the documented steps still to do in Cisco's portal, in order, with
 * the exact values each needs: procedure 1 or 2 in CCW (steps 1 to 10, steps
 * 4 to 8 once per slot), procedure 3 (steps 1 to 5) or 4 (steps 1 to 7) in
 * Cisco Software Central.
 *
 * Returns: (transfer full) (element-type SaHandOffStep): the steps
 */
GPtrArray *
sa_hand_off_steps_build (GPtrArray *hand_offs)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) sa_hand_off_step_free);
  SaHandOff *first;
  SaHandOffStep *step;

  g_return_val_if_fail (hand_offs != NULL && hand_offs->len > 0, NULL);

  first = g_ptr_array_index (hand_offs, 0);
  switch (sa_hand_off_get_procedure (first))
    {
    case SA_HAND_OFF_ASSIGN_ORDER:
    case SA_HAND_OFF_CHANGE_ASSIGNMENT:
      step = add_step (steps, SA_PROCEDURE_STEP_ASSIGN_PORTAL_FIND_ORDER);
      add_value (step, _("Sales Order No."), sa_hand_off_get_subject (first));
      for (guint i = 0; i < hand_offs->len; i++)
        add_slot_steps (steps, g_ptr_array_index (hand_offs, i));
      add_step (steps, SA_PROCEDURE_STEP_ASSIGN_PORTAL_SUBMIT);
      break;

    case SA_HAND_OFF_REQUEST_SMART_ACCOUNT:
      {
        const char * const *emails = sa_hand_off_get_user_emails (first);
        g_autofree char *joined = emails != NULL ? g_strjoinv (", ", (char **) emails) : NULL;

        add_step (steps, SA_PROCEDURE_STEP_REQUEST_ACCOUNT_PORTAL_OPEN);
        step = add_step (steps, SA_PROCEDURE_STEP_REQUEST_ACCOUNT_PORTAL_IDENTIFY);
        add_field (step, first, SA_HAND_OFF_FIELD_ACCOUNT_NAME, NULL);
        add_field (step, first, SA_HAND_OFF_FIELD_CUSTOMER_EMAIL, NULL);
        add_value (step, _("Account Domain"), sa_hand_off_get_subject (first));
        add_field (step, first, SA_HAND_OFF_FIELD_NOTE_TO_CUSTOMER, NULL);
        if ((joined != NULL && *joined != '\0') ||
            sa_hand_off_get_field (first, SA_HAND_OFF_FIELD_NOTE_TO_USERS) != NULL)
          {
            step = add_step (steps, SA_PROCEDURE_STEP_REQUEST_ACCOUNT_PORTAL_USERS);
            add_value (step, _("User Emails"), joined);
            add_field (step, first, SA_HAND_OFF_FIELD_NOTE_TO_USERS, NULL);
          }
        add_step (steps, SA_PROCEDURE_STEP_REQUEST_ACCOUNT_PORTAL_SEND);
      }
      break;

    case SA_HAND_OFF_REQUEST_ACCESS:
      add_step (steps, SA_PROCEDURE_STEP_REQUEST_ACCESS_PORTAL_OPEN);
      add_step (steps, SA_PROCEDURE_STEP_REQUEST_ACCESS_PORTAL_PROFILE);
      step = add_step (steps, SA_PROCEDURE_STEP_REQUEST_ACCESS_PORTAL_DOMAIN);
      add_value (step, _("Account Domain Identifier"), sa_hand_off_get_subject (first));
      add_field (step, first, SA_HAND_OFF_FIELD_ACCOUNT_NAME, NULL);
      step = add_step (steps, SA_PROCEDURE_STEP_REQUEST_ACCESS_PORTAL_REASON);
      add_field (step, first, SA_HAND_OFF_FIELD_REASON, NULL);
      break;

    case SA_HAND_OFF_LICENSE_TRANSFER:
    default:
      g_return_val_if_reached (NULL);
    }

  return g_steal_pointer (&steps);
}

/**
 * sa_hand_off_get_portal_uri:
 * @hand_off: a prepared hand-off
 *
 * The portal page where the procedure of @hand_off is completed: CCW's order
 * page for procedures 1 and 2, Cisco Software Central for 3 and 4
 * (CISCO-APIS.md §5.3; no documented address pre-fills a form).
 *
 * Returns: (transfer none): the address
 */
const char *
sa_hand_off_get_portal_uri (SaHandOff *hand_off)
{
  g_return_val_if_fail (SA_IS_HAND_OFF (hand_off), NULL);

  switch (sa_hand_off_get_procedure (hand_off))
    {
    case SA_HAND_OFF_ASSIGN_ORDER:
    case SA_HAND_OFF_CHANGE_ASSIGNMENT:
      return SA_HAND_OFF_CCW_ORDER_URI;
    case SA_HAND_OFF_REQUEST_SMART_ACCOUNT:
    case SA_HAND_OFF_REQUEST_ACCESS:
      return SA_HAND_OFF_CSC_URI;
    case SA_HAND_OFF_LICENSE_TRANSFER:
    default:
      return SA_HAND_OFF_SCM_CASE_URI;
    }
}

/**
 * sa_hand_off_get_portal_name:
 * @hand_off: a prepared hand-off
 *
 * Returns: (transfer none): the label of the button that opens
 *   sa_hand_off_get_portal_uri(), translated ("Open CCW")
 */
const char *
sa_hand_off_get_portal_name (SaHandOff *hand_off)
{
  g_return_val_if_fail (SA_IS_HAND_OFF (hand_off), NULL);

  switch (sa_hand_off_get_procedure (hand_off))
    {
    case SA_HAND_OFF_ASSIGN_ORDER:
    case SA_HAND_OFF_CHANGE_ASSIGNMENT:
      return _("_Open CCW");
    case SA_HAND_OFF_REQUEST_SMART_ACCOUNT:
    case SA_HAND_OFF_REQUEST_ACCESS:
      return _("_Open Cisco Software Central");
    case SA_HAND_OFF_LICENSE_TRANSFER:
    default:
      return _("_Open Support Case Manager");
    }
}

/**
 * sa_hand_off_new_for_slot:
 * @order: the order being changed
 * @slot: %SA_ACCOUNT_TYPE_CUSTOMER (End Customer) or %SA_ACCOUNT_TYPE_HOLDING
 * @assignment: the change checked in the Assign Smart Account dialog
 * @intended_virtual_account: (nullable): the double-byte Virtual Account the
 *   user meant when they chose "Use DEFAULT Instead", or %NULL
 *
 * Prepares the hand-off of one slot of procedure 1 (an empty slot) or 2 (a
 * slot already set): the Domain Identifier, Account Name and Virtual Account
 * to enter in CCW, whether the account is Pending. A double-byte Virtual
 * Account (which the portal does not list) becomes DEFAULT, the intended one
 * kept for the transfer the watch offers later.
 *
 * Returns: (transfer full): a draft hand-off whose subject is the Sales Order No.
 */
SaHandOff *
sa_hand_off_new_for_slot (SaOrder       *order,
                          SaAccountType  slot,
                          SaAssignment  *assignment,
                          const char    *intended_virtual_account)
{
  gboolean holding = slot == SA_ACCOUNT_TYPE_HOLDING;
  SaAssignment *current = holding ? sa_order_get_holding (order) : sa_order_get_end_customer (order);
  const char *virtual_account = sa_assignment_get_virtual_account (assignment);
  SaHandOff *hand_off;

  g_return_val_if_fail (SA_IS_ORDER (order), NULL);
  g_return_val_if_fail (SA_IS_ASSIGNMENT (assignment), NULL);

  hand_off = sa_hand_off_new (current != NULL ? SA_HAND_OFF_CHANGE_ASSIGNMENT : SA_HAND_OFF_ASSIGN_ORDER,
                              sa_order_get_sales_order_number (order));
  sa_hand_off_set_slot (hand_off, holding ? SA_HAND_OFF_SLOT_HOLDING : SA_HAND_OFF_SLOT_END_CUSTOMER);
  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_DOMAIN, sa_assignment_get_domain (assignment));
  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_ACCOUNT_NAME, sa_assignment_get_name (assignment));
  sa_hand_off_set_account_pending (hand_off, sa_assignment_get_status (assignment) == SA_ACCOUNT_STATUS_PENDING);

  if (virtual_account != NULL && sa_text_has_double_byte (virtual_account))
    {
      sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_VIRTUAL_ACCOUNT, "DEFAULT");
      sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_INTENDED_VIRTUAL_ACCOUNT, virtual_account);
    }
  else
    {
      sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_VIRTUAL_ACCOUNT, virtual_account);
      if (intended_virtual_account != NULL && g_strcmp0 (intended_virtual_account, virtual_account) != 0)
        sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_INTENDED_VIRTUAL_ACCOUNT, intended_virtual_account);
    }

  return hand_off;
}
