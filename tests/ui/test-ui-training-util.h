/* test-ui-training-util.h — what the training UI tests share (issue 14):
 * starting an exercise from the Training Scenarios view by its Start
 * button, waiting for the state the server gives it (as the view shows it,
 * and as the server answers), the training controls of the order page, the
 * Assign Smart Account dialog driven as a trainee would, screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-class-view.h"
#include "sa-scenarios-view.h"
#include "sa-training-order-controls.h"
#include "sa-ui-test-util.h"

G_BEGIN_DECLS

#define SA_TRAINING_WAIT_MS 30000

void              sa_training_test_set_width        (SaWindow         *window,
                                                     int               width);
void              sa_training_test_assert_narrow    (SaWindow         *window);
void              sa_training_test_shoot            (SaWindow         *window,
                                                     const char       *name);
GtkWidget        *sa_training_test_find_named       (GtkWidget        *root,
                                                     const char       *name);
SaScenariosView  *sa_training_test_scenarios_view   (SaWindow         *window);
AdwViewStackPage *sa_training_test_page_of          (SaWindow         *window,
                                                     const char       *name);
gboolean          sa_training_test_has_client       (gpointer          window);
gboolean          sa_training_test_scenarios_loaded (gpointer          view);
void              sa_training_test_show_view        (SaWindow         *window,
                                                     const char       *name);
void              sa_training_test_wait_status      (SaScenariosView  *view,
                                                     const char       *id,
                                                     SaScenarioStatus  status);
SaScenarioStatus  sa_training_test_server_status    (SaTestSandbox    *sandbox,
                                                     const char       *id);
void              sa_training_test_start_in_view    (SaWindow         *window,
                                                     const char       *id);
SaWindow         *sa_training_test_new_started      (SaTestSandbox    *sandbox,
                                                     const char       *id);
void              sa_training_test_assert_not_completed (SaTestSandbox *sandbox,
                                                         SaWindow      *window,
                                                         const char    *id);
void              sa_training_test_assert_completed (SaTestSandbox    *sandbox,
                                                     SaWindow         *window,
                                                     const char       *id);
GtkWidget        *sa_training_test_controls_of      (SaOrderPage      *page);
GtkWidget        *sa_training_test_control_button   (GtkWidget        *controls,
                                                     const char       *name);
void              sa_training_test_scroll_to_end    (GtkWidget        *widget);
gboolean          sa_training_test_message_dialog_open (gpointer       dialog_out);
gboolean          sa_training_test_holding_cleared  (gpointer          page);
void              sa_training_test_register_device  (SaOrderPage      *page,
                                                     const char       *domain);
void              sa_training_test_assign           (SaOrderPage      *page,
                                                     const char       *domain,
                                                     const char       *virtual_account);
void              sa_training_test_choose_account   (SaOrderPage      *page,
                                                     const char       *domain,
                                                     const char       *virtual_account);
gboolean          sa_training_test_label_visible    (gpointer          widget);

G_END_DECLS
