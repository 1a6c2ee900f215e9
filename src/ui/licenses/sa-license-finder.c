/* sa-license-finder.c — "Where are my licenses?": one order's licenses, found or explained
 *
 * The troubleshooting of "How do I assign an order to a Smart Account"
 * ("I assigned the Smart Account but my licenses are still not there: check
 * that the order has shipped, the Smart Account is Active, no export hold
 * blocks it") and the Holding caution of "Updating Smart Account Assignment
 * in CCW", as a window of its own: the user enters a Sales Order No. (or a
 * Web Order No. or PO No.); sa_license_diagnosis_run_async() asks the back
 * end for the order, the licenses carrying its number and the user's Smart
 * Accounts; the answer (SaLicenseAnswer) says where the licenses are or why
 * not, with the next action and its link; each check is listed with its
 * outcome (SaLicenseCheckRow), and the licenses found with their Smart
 * Account and Virtual Account (SaLicenseRow). Opened from the primary menu,
 * Ctrl+L, and an order page (win.find-licenses).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-license-answer.h"
#include "sa-license-check-row.h"
#include "sa-license-finder.h"
#include "sa-license-row.h"
#include "sa-ui-util.h"

struct _SaLicenseFinder
{
  AdwWindow           parent_instance;

  SaClient           *client;
  GCancellable       *cancellable;
  SaLicenseDiagnosis *diagnosis;
  char               *error_message;
  gboolean            loading;

  GtkDropDown        *search_by_dropdown;
  GtkEntry           *number_entry;
  GtkLabel           *input_error_label;
  GtkStack           *state_stack;
  GtkSpinner         *spinner;
  GtkLabel           *error_label;
  GtkWidget          *licenses_group;
  GtkListBox         *licenses_list;
};

G_DEFINE_FINAL_TYPE (SaLicenseFinder, sa_license_finder, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DIAGNOSIS,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_loading (SaLicenseFinder *self,
             gboolean         loading)
{
  loading = !!loading;
  if (self->loading == loading)
    return;

  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "finder.check", !loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* The list box's factory: one SaLicenseRow, naming its Smart and Virtual Account. */
static GtkWidget *
new_license_row (gpointer item,
                 gpointer user_data)
{
  return sa_license_row_new (SA_LICENSE (item), TRUE);
}

static void
set_diagnosis (SaLicenseFinder    *self,
               SaLicenseDiagnosis *diagnosis)
{
  GListModel *licenses;

  if (!g_set_object (&self->diagnosis, diagnosis))
    return;

  licenses = diagnosis != NULL ? sa_license_diagnosis_get_licenses (diagnosis) : NULL;
  if (licenses != NULL && g_list_model_get_n_items (licenses) > 0)
    {
      gtk_list_box_bind_model (self->licenses_list, licenses, new_license_row, NULL, NULL);
      gtk_widget_set_visible (self->licenses_group, TRUE);
    }
  else
    {
      gtk_list_box_bind_model (self->licenses_list, NULL, NULL, NULL, NULL);
      gtk_widget_set_visible (self->licenses_group, FALSE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIAGNOSIS]);
}

static void
show_input_error (SaLicenseFinder *self,
                  const char      *message)
{
  gtk_widget_set_visible (GTK_WIDGET (self->input_error_label), message != NULL);
  gtk_label_set_text (self->input_error_label, message != NULL ? message : "");
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->number_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->number_entry), "error");
}

static void
run_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  SaLicenseFinder *self;
  g_autoptr(SaLicenseDiagnosis) diagnosis = NULL;
  g_autoptr(GError) error = NULL;

  diagnosis = sa_license_diagnosis_run_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_LICENSE_FINDER (user_data);
  g_clear_pointer (&self->error_message, g_free);

  if (diagnosis == NULL)
    {
      self->error_message = sa_error_dup_user_message (error);
      g_debug ("Where are my licenses: %s", error->message);
      gtk_label_set_text (self->error_label, self->error_message);
      gtk_stack_set_visible_child_name (self->state_stack, "error");
    }
  else
    {
      set_diagnosis (self, diagnosis);
      gtk_stack_set_visible_child_name (self->state_stack, "answer");
    }

  set_loading (self, FALSE);
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  SaLicenseFinder *self = SA_LICENSE_FINDER (widget);

  sa_license_finder_check (self,
                           (SaOrderSearchField) gtk_drop_down_get_selected (self->search_by_dropdown),
                           gtk_editable_get_text (GTK_EDITABLE (self->number_entry)));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
sa_license_finder_dispose (GObject *object)
{
  SaLicenseFinder *self = SA_LICENSE_FINDER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->licenses_list != NULL)
    gtk_list_box_bind_model (self->licenses_list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_LICENSE_FINDER);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->diagnosis);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (sa_license_finder_parent_class)->dispose (object);
}

static void
sa_license_finder_finalize (GObject *object)
{
  SaLicenseFinder *self = SA_LICENSE_FINDER (object);

  g_free (self->error_message);

  G_OBJECT_CLASS (sa_license_finder_parent_class)->finalize (object);
}

static void
sa_license_finder_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SaLicenseFinder *self = SA_LICENSE_FINDER (object);

  switch (prop_id)
    {
    case PROP_DIAGNOSIS:
      g_value_set_object (value, self->diagnosis);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_license_finder_class_init (SaLicenseFinderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_license_finder_dispose;
  object_class->finalize = sa_license_finder_finalize;
  object_class->get_property = sa_license_finder_get_property;

  /**
   * SaLicenseFinder:diagnosis:
   *
   * The last #SaLicenseDiagnosis, or %NULL before the first answer.
   */
  properties[PROP_DIAGNOSIS] =
    g_param_spec_object ("diagnosis", NULL, NULL, SA_TYPE_LICENSE_DIAGNOSIS,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaLicenseFinder:loading:
   *
   * Whether the checks are running.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SA_TYPE_LICENSE_ANSWER);
  g_type_ensure (SA_TYPE_LICENSE_CHECK_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/licenses/sa-license-finder.ui");
  gtk_widget_class_bind_template_child (widget_class, SaLicenseFinder, search_by_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SaLicenseFinder, number_entry);
  gtk_widget_class_bind_template_child (widget_class, SaLicenseFinder, input_error_label);
  gtk_widget_class_bind_template_child (widget_class, SaLicenseFinder, state_stack);
  gtk_widget_class_bind_template_child (widget_class, SaLicenseFinder, spinner);
  gtk_widget_class_bind_template_child (widget_class, SaLicenseFinder, error_label);
  gtk_widget_class_bind_template_child (widget_class, SaLicenseFinder, licenses_group);
  gtk_widget_class_bind_template_child (widget_class, SaLicenseFinder, licenses_list);
  /* For the tests, which read them. */
  gtk_widget_class_bind_template_child_full (widget_class, "answer", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "check_button", FALSE, 0);
  for (guint i = 0; i < SA_LICENSE_N_CHECKS; i++)
    {
      g_autofree char *name = g_strdup_printf ("check_row_%u", i);

      gtk_widget_class_bind_template_child_full (widget_class, name, FALSE, 0);
    }

  gtk_widget_class_install_action (widget_class, "finder.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "finder.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "finder.close", NULL);
}

static void
sa_license_finder_init (SaLicenseFinder *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->number_entry));
}

/**
 * sa_license_finder_new:
 * @client: a signed-in #SaClient
 * @parent: (nullable): the main window
 *
 * Creates the "Where are my licenses?" window (the troubleshooting of
 * "assign an order"). Present it, then sa_license_finder_check() or let the
 * user type a number.
 *
 * Returns: (transfer none): the new window, owned by GTK's toplevel list
 */
SaLicenseFinder *
sa_license_finder_new (SaClient  *client,
                       GtkWindow *parent)
{
  SaLicenseFinder *self;

  g_return_val_if_fail (SA_IS_CLIENT (client), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (SA_TYPE_LICENSE_FINDER,
                       "transient-for", parent,
                       NULL);
  self->client = g_object_ref (client);

  return self;
}

/**
 * sa_license_finder_check:
 * @self: a #SaLicenseFinder
 * @field: what @number is: Sales Order No., Web Order No. or PO No.
 * @number: the order's number
 *
 * Fills in the form, as the user does, and runs the checks of "Where are my
 * licenses?" (sa_license_diagnosis_run_async()). A number that is not valid
 * for @field is shown under the entry and nothing is asked. A check already
 * running is cancelled.
 */
void
sa_license_finder_check (SaLicenseFinder    *self,
                         SaOrderSearchField  field,
                         const char         *number)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_return_if_fail (SA_IS_LICENSE_FINDER (self));
  g_return_if_fail (number != NULL);

  value = g_strstrip (g_strdup (number));
  gtk_drop_down_set_selected (self->search_by_dropdown, field);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->number_entry)), number) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->number_entry), number);

  if (!sa_validate_order_search (field, value, &error))
    {
      show_input_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->number_entry));
      return;
    }
  show_input_error (self, NULL);

  sa_ui_renew_cancellable (&self->cancellable);

  set_diagnosis (self, NULL);
  set_loading (self, TRUE);
  gtk_stack_set_visible_child_name (self->state_stack, "loading");

  sa_license_diagnosis_run_async (self->client, field, value, self->cancellable, run_cb, self);
}

/**
 * sa_license_finder_get_diagnosis:
 * @self: a #SaLicenseFinder
 *
 * Returns: (transfer none) (nullable): the last answer's diagnosis
 */
SaLicenseDiagnosis *
sa_license_finder_get_diagnosis (SaLicenseFinder *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_FINDER (self), NULL);

  return self->diagnosis;
}

/**
 * sa_license_finder_get_loading:
 * @self: a #SaLicenseFinder
 *
 * Returns: %TRUE while the checks run
 */
gboolean
sa_license_finder_get_loading (SaLicenseFinder *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_FINDER (self), FALSE);

  return self->loading;
}

/**
 * sa_license_finder_get_error_message:
 * @self: a #SaLicenseFinder
 *
 * Returns: (transfer none) (nullable): the translated message when the back
 *   end could not be asked (network, sign-in…), or %NULL
 */
const char *
sa_license_finder_get_error_message (SaLicenseFinder *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_FINDER (self), NULL);

  return self->error_message;
}
