/* sa-hand-off.h — one procedure handed to Cisco's portal: a row of the journal
 *
 * With the Cisco connection the app prepares each procedure with every check
 * done, then the user completes it in Cisco's portal (CCW, Cisco Software
 * Central) with the values the app prepared. An #SaHandOff records that: the
 * procedure, the order or domain it is about, the prepared values (a typed
 * set of fields), when it was created and handed off, its state, and what the
 * watch (sa-watch.h) has observed since. The journal (sa-journal.h) keeps it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <gio/gio.h>

#include "sa-hand-off-observation.h"

G_BEGIN_DECLS

/**
 * SaHandOffProcedure:
 * @SA_HAND_OFF_ASSIGN_ORDER: procedure 1, assign an order to a Smart Account
 *   (CCW); the subject is the Sales Order No.
 * @SA_HAND_OFF_CHANGE_ASSIGNMENT: procedure 2, change the End Customer or
 *   Holding Smart Account of an order (CCW, pencil icon); the subject is the
 *   Sales Order No.
 * @SA_HAND_OFF_REQUEST_SMART_ACCOUNT: procedure 3, request a Smart Account for
 *   a customer (Cisco Software Central); the subject is the Account Domain
 * @SA_HAND_OFF_REQUEST_ACCESS: procedure 4, request access to an existing
 *   Smart Account; the subject is the Account Domain Identifier
 * @SA_HAND_OFF_LICENSE_TRANSFER: a license transfer between two Virtual
 *   Accounts of one Smart Account (the one write the app does itself); the
 *   subject is the Sales Order No. the licenses came from
 *
 * Which procedure a hand-off carries out. Stored by nick ("assign-order", …).
 */
typedef enum
{
  SA_HAND_OFF_ASSIGN_ORDER,
  SA_HAND_OFF_CHANGE_ASSIGNMENT,
  SA_HAND_OFF_REQUEST_SMART_ACCOUNT,
  SA_HAND_OFF_REQUEST_ACCESS,
  SA_HAND_OFF_LICENSE_TRANSFER,
} SaHandOffProcedure;

/**
 * SaHandOffState:
 * @SA_HAND_OFF_STATE_DRAFT: prepared, not handed off yet ("Not Now")
 * @SA_HAND_OFF_STATE_HANDED_OFF: the user said it is done in the portal
 *   ("Done in the Portal"); nothing observed yet
 * @SA_HAND_OFF_STATE_OBSERVED_PARTLY: part of the result was seen (the order
 *   shipped, the account is Pending, licenses are in DEFAULT…)
 * @SA_HAND_OFF_STATE_CONFIRMED: the reads show the change has happened
 * @SA_HAND_OFF_STATE_LANDED_ELSEWHERE: the order's licenses arrived in another
 *   Smart Account or Virtual Account than the one prepared
 * @SA_HAND_OFF_STATE_EXPIRED: the customer did not accept the requested Smart
 *   Account within 90 days
 * @SA_HAND_OFF_STATE_FAILED: the app's own step (the license transfer) was
 *   refused; the last observation says why
 * @SA_HAND_OFF_STATE_REMOVED: the user removed it from the journal (the
 *   object outlives its row)
 *
 * Where a hand-off stands. The watch follows those that are open
 * (sa_hand_off_is_open()): handed off and observed partly.
 */
typedef enum
{
  SA_HAND_OFF_STATE_DRAFT,
  SA_HAND_OFF_STATE_HANDED_OFF,
  SA_HAND_OFF_STATE_OBSERVED_PARTLY,
  SA_HAND_OFF_STATE_CONFIRMED,
  SA_HAND_OFF_STATE_LANDED_ELSEWHERE,
  SA_HAND_OFF_STATE_EXPIRED,
  SA_HAND_OFF_STATE_FAILED,
  SA_HAND_OFF_STATE_REMOVED,
} SaHandOffState;

/**
 * SaHandOffSlot:
 * @SA_HAND_OFF_SLOT_NONE: not about an order's Smart Account
 * @SA_HAND_OFF_SLOT_END_CUSTOMER: the order's End Customer Smart Account
 * @SA_HAND_OFF_SLOT_HOLDING: the order's Holding Smart Account (provisions
 *   nothing: no license can confirm it)
 *
 * Which of an order's two Smart Accounts the hand-off sets.
 */
typedef enum
{
  SA_HAND_OFF_SLOT_NONE,
  SA_HAND_OFF_SLOT_END_CUSTOMER,
  SA_HAND_OFF_SLOT_HOLDING,
} SaHandOffSlot;

/**
 * SaHandOffField:
 * @SA_HAND_OFF_FIELD_DOMAIN: the Domain Identifier of the Smart Account
 *   chosen (procedures 1, 2, license transfer) or requested (3, 4)
 * @SA_HAND_OFF_FIELD_ACCOUNT_NAME: the Smart Account's Account Name
 * @SA_HAND_OFF_FIELD_VIRTUAL_ACCOUNT: the Virtual Account to choose in the
 *   portal (DEFAULT when the intended one has a double-byte name); for a
 *   license transfer, the Virtual Account the licenses leave
 * @SA_HAND_OFF_FIELD_INTENDED_VIRTUAL_ACCOUNT: the Virtual Account the
 *   licenses are meant for, when it differs from the one chosen in the portal
 *   (a double-byte name the portal does not show); for a license transfer,
 *   the receiving Virtual Account
 * @SA_HAND_OFF_FIELD_CUSTOMER_EMAIL: Customer Email (procedure 3)
 * @SA_HAND_OFF_FIELD_NOTE_TO_CUSTOMER: Note to Customer (procedure 3)
 * @SA_HAND_OFF_FIELD_NOTE_TO_USERS: Note to Added Users (procedure 3)
 * @SA_HAND_OFF_FIELD_REASON: Reason for request (procedure 4)
 * @SA_HAND_OFF_FIELD_ACCOUNT_ID: the Smart Account picked when several share
 *   the domain (procedure 4), as the back end identifies it
 * @SA_HAND_OFF_N_FIELDS: the number of fields
 *
 * The prepared values a hand-off carries as text (the User Emails of
 * procedure 3 are a list: sa_hand_off_get_user_emails()).
 */
typedef enum
{
  SA_HAND_OFF_FIELD_DOMAIN,
  SA_HAND_OFF_FIELD_ACCOUNT_NAME,
  SA_HAND_OFF_FIELD_VIRTUAL_ACCOUNT,
  SA_HAND_OFF_FIELD_INTENDED_VIRTUAL_ACCOUNT,
  SA_HAND_OFF_FIELD_CUSTOMER_EMAIL,
  SA_HAND_OFF_FIELD_NOTE_TO_CUSTOMER,
  SA_HAND_OFF_FIELD_NOTE_TO_USERS,
  SA_HAND_OFF_FIELD_REASON,
  SA_HAND_OFF_FIELD_ACCOUNT_ID,
  SA_HAND_OFF_N_FIELDS,
} SaHandOffField;

/**
 * SaHandOffNotices:
 * @SA_HAND_OFF_NOTICE_NONE: none yet
 * @SA_HAND_OFF_NOTICE_CONFIRMED: #SaWatch::confirmed was emitted
 * @SA_HAND_OFF_NOTICE_LANDED_ELSEWHERE: #SaWatch::landed-elsewhere was emitted
 * @SA_HAND_OFF_NOTICE_TRANSFER_READY: #SaWatch::transfer-ready was emitted
 * @SA_HAND_OFF_NOTICE_14_DAYS_LEFT: #SaWatch::expiry-near with 14 days
 * @SA_HAND_OFF_NOTICE_3_DAYS_LEFT: #SaWatch::expiry-near with 3 days
 * @SA_HAND_OFF_NOTICE_EXPIRED: #SaWatch::expired was emitted
 * @SA_HAND_OFF_NOTICE_REMINDER: #SaWatch::suggest-reminder was emitted
 * @SA_HAND_OFF_NOTICE_ACCOUNT_ACTIVE: #SaWatch::account-active was emitted
 *
 * The watch's signals already given for a hand-off, kept in the journal so
 * that each is given once, across restarts.
 */
typedef enum /*< flags >*/
{
  SA_HAND_OFF_NOTICE_NONE             = 0,
  SA_HAND_OFF_NOTICE_CONFIRMED        = 1 << 0,
  SA_HAND_OFF_NOTICE_LANDED_ELSEWHERE = 1 << 1,
  SA_HAND_OFF_NOTICE_TRANSFER_READY   = 1 << 2,
  SA_HAND_OFF_NOTICE_14_DAYS_LEFT     = 1 << 3,
  SA_HAND_OFF_NOTICE_3_DAYS_LEFT      = 1 << 4,
  SA_HAND_OFF_NOTICE_EXPIRED          = 1 << 5,
  SA_HAND_OFF_NOTICE_REMINDER         = 1 << 6,
  SA_HAND_OFF_NOTICE_ACCOUNT_ACTIVE   = 1 << 7,
} SaHandOffNotices;

/* How long the customer has to accept a requested Smart Account, and when an
 * access request without an answer deserves a reminder (the seeds). */
#define SA_HAND_OFF_ACCEPTANCE_DAYS 90
#define SA_HAND_OFF_REMINDER_DAYS   7

#define SA_TYPE_HAND_OFF_PROCEDURE (sa_hand_off_procedure_get_type ())
GType sa_hand_off_procedure_get_type (void);
#define SA_TYPE_HAND_OFF_STATE (sa_hand_off_state_get_type ())
GType sa_hand_off_state_get_type (void);
#define SA_TYPE_HAND_OFF_SLOT (sa_hand_off_slot_get_type ())
GType sa_hand_off_slot_get_type (void);

#define SA_TYPE_HAND_OFF (sa_hand_off_get_type ())
G_DECLARE_FINAL_TYPE (SaHandOff, sa_hand_off, SA, HAND_OFF, GObject)

/* Properties: "id" (int64, read-only, 0 until added to the journal),
 * "procedure" and "subject" (construct-only), "state", "slot",
 * "account-pending", "created", "handed-off", "last-checked" (GDateTime),
 * "notices" (flags as uint), one string property per SaHandOffField
 * ("domain", "account-name", "virtual-account", "intended-virtual-account",
 * "customer-email", "note-to-customer", "note-to-users", "reason",
 * "account-id"), "user-emails" (GStrv), "observations" (GListModel of
 * SaHandOffObservation, read-only). */
SaHandOff          *sa_hand_off_new                  (SaHandOffProcedure  procedure,
                                                      const char         *subject);
SaHandOff          *sa_hand_off_copy                 (SaHandOff          *self);
gboolean            sa_hand_off_validate             (SaHandOff          *self,
                                                      GError            **error);

gint64              sa_hand_off_get_id               (SaHandOff          *self);
SaHandOffProcedure  sa_hand_off_get_procedure        (SaHandOff          *self);
const char         *sa_hand_off_get_subject          (SaHandOff          *self);
const char         *sa_hand_off_get_order_number     (SaHandOff          *self);
SaHandOffState      sa_hand_off_get_state            (SaHandOff          *self);
void                sa_hand_off_set_state            (SaHandOff          *self,
                                                      SaHandOffState      state);
gboolean            sa_hand_off_is_open              (SaHandOff          *self);

const char         *sa_hand_off_get_field            (SaHandOff          *self,
                                                      SaHandOffField      field);
void                sa_hand_off_set_field            (SaHandOff          *self,
                                                      SaHandOffField      field,
                                                      const char         *value);
const char * const *sa_hand_off_get_user_emails      (SaHandOff          *self);
void                sa_hand_off_set_user_emails      (SaHandOff          *self,
                                                      const char * const *emails);
SaHandOffSlot       sa_hand_off_get_slot             (SaHandOff          *self);
void                sa_hand_off_set_slot             (SaHandOff          *self,
                                                      SaHandOffSlot       slot);
gboolean            sa_hand_off_get_account_pending  (SaHandOff          *self);
void                sa_hand_off_set_account_pending  (SaHandOff          *self,
                                                      gboolean            pending);
gboolean            sa_hand_off_needs_transfer       (SaHandOff          *self);

GDateTime          *sa_hand_off_get_created          (SaHandOff          *self);
GDateTime          *sa_hand_off_get_handed_off       (SaHandOff          *self);
void                sa_hand_off_set_handed_off       (SaHandOff          *self,
                                                      GDateTime          *when);
GDateTime          *sa_hand_off_get_last_checked     (SaHandOff          *self);
void                sa_hand_off_set_last_checked     (SaHandOff          *self,
                                                      GDateTime          *when);
GDateTime          *sa_hand_off_dup_expiry           (SaHandOff          *self);
int                 sa_hand_off_get_days_left        (SaHandOff          *self,
                                                      GDateTime          *now);

SaHandOffNotices    sa_hand_off_get_notices          (SaHandOff          *self);
gboolean            sa_hand_off_add_notice           (SaHandOff          *self,
                                                      SaHandOffNotices    notice);

GListModel         *sa_hand_off_get_observations     (SaHandOff          *self);
void                sa_hand_off_add_observation      (SaHandOff          *self,
                                                      SaHandOffObservation *observation);
SaHandOffObservation *sa_hand_off_find_observation   (SaHandOff          *self,
                                                      SaObservationKind   kind);

const char         *sa_hand_off_procedure_get_label  (SaHandOffProcedure  procedure);
const char         *sa_hand_off_state_get_label      (SaHandOffState      state);
const char         *sa_hand_off_field_get_label      (SaHandOffField      field);
const char         *sa_hand_off_procedure_to_string  (SaHandOffProcedure  procedure);
gboolean            sa_hand_off_procedure_from_string (const char        *str,
                                                       SaHandOffProcedure *procedure);
const char         *sa_hand_off_state_to_string      (SaHandOffState      state);
gboolean            sa_hand_off_state_from_string    (const char         *str,
                                                      SaHandOffState     *state);

G_END_DECLS
