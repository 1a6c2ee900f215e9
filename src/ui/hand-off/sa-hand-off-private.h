/* sa-hand-off-private.h — what the files of src/ui/hand-off/ share
 *
 * The "Complete in Cisco's Portal" page (sa-hand-off-dialog.c) is built from
 * one or two #SaHandOff (core's journal rows, still drafts): the portal steps
 * and their values come from sa-hand-off-steps.c, the journal and the record
 * from sa-hand-off-journal.c, the practice portal from sa-hand-off-practice.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"
#include "sa-procedures.h"

G_BEGIN_DECLS

/* The portal pages the hand-off opens (CISCO-APIS.md §5.3, the seeds). */
#define SA_HAND_OFF_CCW_ORDER_URI   "https://apps.cisco.com/Commerce/order"
#define SA_HAND_OFF_CSC_URI         "https://software.cisco.com/"
#define SA_HAND_OFF_SCM_CASE_URI    "https://mycase.cloudapps.cisco.com/case"

/* The sandbox path under which practice serves Cisco's licensing API
 * (docs/cisco.md): the practice portal's Desk API is at the same base. */
#define SA_HAND_OFF_PRACTICE_LICENSING_PATH "/services/api/smart-accounts-and-licensing"

/**
 * SaHandOffStep:
 * @step: the documented step, in the catalogue (sa-procedures.c)
 * @labels: (element-type utf8): the translated names of the values to enter
 * @values: (element-type utf8): the values, as the portal needs them
 * @instruction: (nullable): a translated sentence saying how this step
 *   applies to this hand-off, for what is chosen rather than typed (which
 *   pencil to select): shown as text, with nothing to copy
 *
 * One portal step still to do, with the exact values it needs.
 */
typedef struct
{
  SaProcedureStep  step;
  GPtrArray       *labels;
  GPtrArray       *values;
  char            *instruction;
} SaHandOffStep;

void        sa_hand_off_step_free        (SaHandOffStep *step);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaHandOffStep, sa_hand_off_step_free)

/* sa-hand-off-steps.c */
GPtrArray  *sa_hand_off_steps_build      (GPtrArray     *hand_offs);
const char *sa_hand_off_get_portal_uri   (SaHandOff     *hand_off);
const char *sa_hand_off_get_portal_name  (SaHandOff     *hand_off);
SaHandOff  *sa_hand_off_new_for_slot     (SaOrder       *order,
                                          SaAccountType  slot,
                                          SaAssignment  *assignment,
                                          const char    *intended_virtual_account);

/* sa-hand-off-journal.c */
SaJournal  *sa_hand_off_journal_get      (void);
void        sa_hand_off_journal_set      (SaJournal     *journal);
void        sa_hand_off_record           (GPtrArray     *hand_offs,
                                          SaHandOffState state,
                                          GtkWidget     *toast_widget);

/* sa-hand-off-practice.c */
char       *sa_hand_off_dup_practice_uri (SaClient      *client);
void        sa_hand_off_practice_async   (const char    *sandbox_uri,
                                          GPtrArray     *hand_offs,
                                          GCancellable  *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer       user_data);
gboolean    sa_hand_off_practice_finish  (GAsyncResult  *result,
                                          GError       **error);

G_END_DECLS
