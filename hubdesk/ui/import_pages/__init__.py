"""The pages of the import wizard (hubdesk.ui.import_wizard) and the models they show."""
