/* sa-hand-off-observation.h — one thing the watch saw about a hand-off, and when
 *
 * A hand-off (sa-hand-off.h) collects observations as the watch (sa-watch.h)
 * reads Cisco's APIs: the order's status, its licenses arriving (and where),
 * a Smart Account turning Active, access granted, a license transfer done or
 * refused, days left before a request expires. Each is immutable, kept in the
 * journal's `observations` table, and shown in the entry's history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SaObservationKind:
 * @SA_OBSERVATION_ORDER_STATUS: the order's status changed; the text is the
 *   status as the back end wrote it ("Booked")
 * @SA_OBSERVATION_ORDER_SHIPPED: the order has shipped: its licenses can now
 *   arrive
 * @SA_OBSERVATION_ACCOUNT_PENDING: the Smart Account (domain) was seen Pending
 * @SA_OBSERVATION_ACCOUNT_ACTIVE: the Smart Account (domain) was seen Active
 * @SA_OBSERVATION_LICENSES_ARRIVED: licenses from the order arrived where they
 *   were meant to (domain, Virtual Account, quantity, license names)
 * @SA_OBSERVATION_LICENSES_IN_DEFAULT: licenses from the order arrived in the
 *   DEFAULT Virtual Account chosen for a double-byte name: ready to transfer
 * @SA_OBSERVATION_LICENSES_ELSEWHERE: licenses from the order arrived in
 *   another Smart Account or Virtual Account (domain, Virtual Account)
 * @SA_OBSERVATION_TRANSFER_DONE: the licenses were transferred (target Virtual
 *   Account, quantity, license names)
 * @SA_OBSERVATION_TRANSFER_FAILED: the transfer was refused; the text is the
 *   translated message (quoting Cisco's `statusMessage` when it sent one)
 * @SA_OBSERVATION_ACCESS_GRANTED: the Smart Account (domain) is among the
 *   user's accounts with a role; the text lists the roles
 * @SA_OBSERVATION_DAYS_LEFT: days left (quantity) before a Smart Account
 *   request expires, noted at 14 and 3 days
 * @SA_OBSERVATION_EXPIRED: 90 days passed without the customer accepting
 * @SA_OBSERVATION_REMINDER_SUGGESTED: 7 days passed without access: a
 *   reminder was suggested
 *
 * What an observation is about. Stored by nick ("order-status", …).
 */
typedef enum
{
  SA_OBSERVATION_ORDER_STATUS,
  SA_OBSERVATION_ORDER_SHIPPED,
  SA_OBSERVATION_ACCOUNT_PENDING,
  SA_OBSERVATION_ACCOUNT_ACTIVE,
  SA_OBSERVATION_LICENSES_ARRIVED,
  SA_OBSERVATION_LICENSES_IN_DEFAULT,
  SA_OBSERVATION_LICENSES_ELSEWHERE,
  SA_OBSERVATION_TRANSFER_DONE,
  SA_OBSERVATION_TRANSFER_FAILED,
  SA_OBSERVATION_ACCESS_GRANTED,
  SA_OBSERVATION_DAYS_LEFT,
  SA_OBSERVATION_EXPIRED,
  SA_OBSERVATION_REMINDER_SUGGESTED,
} SaObservationKind;

#define SA_TYPE_OBSERVATION_KIND (sa_observation_kind_get_type ())
GType sa_observation_kind_get_type (void);

#define SA_TYPE_HAND_OFF_OBSERVATION (sa_hand_off_observation_get_type ())
G_DECLARE_FINAL_TYPE (SaHandOffObservation, sa_hand_off_observation, SA, HAND_OFF_OBSERVATION, GObject)

/* Properties (read-only after construction): "kind", "seen" (GDateTime, UTC),
 * "domain", "virtual-account", "text" (strings, nullable), "quantity"
 * (int64, 0 when none), "id" (int64, 0 until the journal stored it). */
SaHandOffObservation *sa_hand_off_observation_new                 (SaObservationKind     kind,
                                                                   GDateTime            *seen);
SaHandOffObservation *sa_hand_off_observation_new_full            (SaObservationKind     kind,
                                                                   GDateTime            *seen,
                                                                   const char           *domain,
                                                                   const char           *virtual_account,
                                                                   gint64                quantity,
                                                                   const char           *text);
gint64                sa_hand_off_observation_get_id              (SaHandOffObservation *self);
SaObservationKind     sa_hand_off_observation_get_kind            (SaHandOffObservation *self);
GDateTime            *sa_hand_off_observation_get_seen            (SaHandOffObservation *self);
const char           *sa_hand_off_observation_get_domain          (SaHandOffObservation *self);
const char           *sa_hand_off_observation_get_virtual_account (SaHandOffObservation *self);
gint64                sa_hand_off_observation_get_quantity        (SaHandOffObservation *self);
const char           *sa_hand_off_observation_get_text            (SaHandOffObservation *self);
char                 *sa_hand_off_observation_dup_summary         (SaHandOffObservation *self);

const char           *sa_observation_kind_to_string               (SaObservationKind     kind);
gboolean              sa_observation_kind_from_string             (const char           *str,
                                                                   SaObservationKind    *kind);

G_END_DECLS
