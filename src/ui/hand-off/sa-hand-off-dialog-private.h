/* sa-hand-off-dialog-private.h — what the tests reach inside the hand-off page
 *
 * Not for the rest of the app: the UI tests read the prepared hand-offs and
 * the portal's address, and intercept the launch of the browser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-hand-off-dialog.h"

G_BEGIN_DECLS

typedef void (*SaHandOffLaunchFunc) (const char *uri,
                                     gpointer    user_data);

void        sa_hand_off_dialog_set_launcher   (SaHandOffLaunchFunc  func,
                                               gpointer             user_data);
void        sa_hand_off_dialog_set_journal    (SaJournal           *journal);
GPtrArray  *sa_hand_off_dialog_get_hand_offs  (SaHandOffDialog     *self);
const char *sa_hand_off_dialog_get_portal_uri (SaHandOffDialog     *self);
gboolean    sa_hand_off_dialog_get_busy       (SaHandOffDialog     *self);

G_END_DECLS
