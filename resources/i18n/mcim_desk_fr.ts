<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>Catalogue</name>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="155"/>
        <source>This field cannot be edited: {field}</source>
        <translation>Ce champ ne peut pas être modifié : {field}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="165"/>
        <source>Member states must be a whole number between 0 and 1000, not “{value}”.</source>
        <translation>Le nombre d’États membres doit être un nombre entier entre 0 et 1000, et non « {value} ».</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="175"/>
        <source>The name and acronym cannot be empty.</source>
        <translation>Le nom et le sigle ne peuvent pas être vides.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="283"/>
        <source>A contact needs a name.</source>
        <translation>Un contact doit avoir un nom.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="290"/>
        <source>“{value}” is not an e-mail address.</source>
        <translation>« {value} » n’est pas une adresse électronique.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/services/catalogue.py" line="301"/>
        <source>Unknown time zone “{value}”: use a name such as Europe/Geneva or America/Lima.</source>
        <translation>Fuseau horaire inconnu « {value} » : utilisez un nom comme Europe/Geneva ou America/Lima.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../mcim_desk/cli.py" line="180"/>
        <source>integrity check failed for {path}: {problem}</source>
        <translation>échec du contrôle d’intégrité de {path} : {problem}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli.py" line="186"/>
        <source>database: {target}</source>
        <translation>base de données : {target}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli.py" line="188"/>
        <source>schema revision: {revision}</source>
        <translation>révision du schéma : {revision}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli.py" line="192"/>
        <source>integrity: {result}</source>
        <translation>intégrité : {result}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli.py" line="198"/>
        <source>problem: {problem}</source>
        <translation>problème : {problem}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli.py" line="211"/>
        <source>backup works on SQLite files only</source>
        <translation>la sauvegarde ne fonctionne qu’avec des fichiers SQLite</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli.py" line="213"/>
        <source>backup written to {path}</source>
        <translation>sauvegarde écrite dans {path}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli.py" line="226"/>
        <source>restore works on SQLite files only</source>
        <translation>la restauration ne fonctionne qu’avec des fichiers SQLite</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli.py" line="231"/>
        <source>no such backup file: {path}</source>
        <translation>fichier de sauvegarde introuvable : {path}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli.py" line="235"/>
        <source>not restored, the backup is damaged: {problem}</source>
        <translation>rien n’a été restauré, la sauvegarde est endommagée : {problem}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli.py" line="240"/>
        <source>restored {source} into {target}</source>
        <translation>{source} restauré dans {target}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/cli.py" line="246"/>
        <source>the replaced database was kept as {path}</source>
        <translation>la base remplacée a été conservée sous {path}</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="342"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="351"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="353"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="353"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="354"/>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="354"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="355"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="355"/>
        <source>Time zone (IANA, e.g. America/Lima)</source>
        <translation>Fuseau horaire (IANA, p. ex. America/Lima)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="183"/>
        <source>Database already open</source>
        <translation>Base de données déjà ouverte</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="184"/>
        <source>MCIM Desk is already open on this database:
{path}

Switch to the window that is open, or close it first.</source>
        <translation>MCIM Desk est déjà ouvert sur cette base de données :
{path}

Passez à la fenêtre ouverte, ou fermez-la d’abord.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="197"/>
        <source>The database file failed its integrity check and was not changed:
{path}
({problem})</source>
        <translation>Le fichier de la base de données a échoué au contrôle d’intégrité et n’a pas été modifié :
{path}
({problem})</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="200"/>
        <location filename="../../mcim_desk/ui/main_window.py" line="207"/>
        <source>Damaged database</source>
        <translation>Base de données endommagée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="201"/>
        <source>No automatic backup is available.</source>
        <translation>Aucune sauvegarde automatique n’est disponible.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="204"/>
        <source>Open the latest automatic backup from {when} instead? The damaged file is kept, untouched, as {kept}.</source>
        <translation>Ouvrir plutôt la dernière sauvegarde automatique, du {when} ? Le fichier endommagé est conservé tel quel sous {kept}.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="221"/>
        <source>Card</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="260"/>
        <source>Backup written to {path}</source>
        <translation>Sauvegarde écrite dans {path}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="265"/>
        <location filename="../../mcim_desk/ui/main_window.py" line="270"/>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="266"/>
        <source>SQLite databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>Bases SQLite (*.sqlite3 *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="271"/>
        <source>Replace the current data by {file}? The current database is kept as a backup first.</source>
        <translation>Remplacer les données actuelles par {file} ? La base actuelle est d’abord conservée en sauvegarde.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="282"/>
        <source>Backup not restored</source>
        <translation>Sauvegarde non restaurée</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="283"/>
        <source>That file is not a sound database: {problem}</source>
        <translation>Ce fichier n’est pas une base de données saine : {problem}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="287"/>
        <source>Backup restored.</source>
        <translation>Sauvegarde restaurée.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="318"/>
        <source>About MCIM Desk</source>
        <translation>À propos de MCIM Desk</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="319"/>
        <source>{app} {version}

An offline desk for the study of inter-state consultation mechanisms on migration and the Global Compact for Migration.

Data folder: {folder}
Database: {db}</source>
        <translation>{app} {version}

Un poste de travail hors ligne pour l’étude des mécanismes consultatifs interétatiques sur la migration et du Pacte mondial sur les migrations.

Dossier des données : {folder}
Base de données : {db}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="335"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="336"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="337"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="338"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="339"/>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="340"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="341"/>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="342"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="344"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="345"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="346"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="347"/>
        <source>&amp;Find a mechanism</source>
        <translation>&amp;Rechercher un mécanisme</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="348"/>
        <source>&amp;About MCIM Desk</source>
        <translation>À &amp;propos de MCIM Desk</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/main_window.py" line="349"/>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
</context>
<context>
    <name>MechanismCardView</name>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="202"/>
        <source>Edit {field}</source>
        <translation>Modifier {field}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="264"/>
        <source>Add contact</source>
        <translation>Ajouter un contact</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="264"/>
        <source>Edit contact</source>
        <translation>Modifier le contact</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="280"/>
        <source>Remove contact</source>
        <translation>Retirer le contact</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="284"/>
        <source>Contact not saved</source>
        <translation>Contact non enregistré</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="293"/>
        <source>Chair</source>
        <translation>Président(e)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="294"/>
        <source>Head of secretariat</source>
        <translation>Chef du secrétariat</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="295"/>
        <source>Other contact</source>
        <translation>Autre contact</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="302"/>
        <source>Acronym (French)</source>
        <translation>Sigle (français)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="303"/>
        <source>Acronym (English)</source>
        <translation>Sigle (anglais)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="304"/>
        <source>Name (French)</source>
        <translation>Nom (français)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="305"/>
        <source>Name (English)</source>
        <translation>Nom (anglais)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="306"/>
        <source>Member states</source>
        <translation>États membres</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="307"/>
        <source>Chair country</source>
        <translation>Pays de la présidence</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="308"/>
        <source>Website</source>
        <translation>Site Internet</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="315"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="316"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="318"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="318"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="318"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="318"/>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="319"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="319"/>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="321"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="322"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_card.py" line="323"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
</context>
<context>
    <name>MechanismListPanel</name>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="253"/>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="266"/>
        <source>All regions</source>
        <translation>Toutes les régions</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="287"/>
        <source>{shown} of {total} mechanisms shown</source>
        <translation>{shown} mécanismes affichés sur {total}</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="301"/>
        <source>Search names and acronyms (French or English)…</source>
        <translation>Rechercher un nom ou un sigle (français ou anglais)…</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="302"/>
        <source>Filter by type of mechanism</source>
        <translation>Filtrer par type de mécanisme</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="303"/>
        <source>Filter by region</source>
        <translation>Filtrer par région</translation>
    </message>
</context>
<context>
    <name>MechanismTableModel</name>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="85"/>
        <source>RCP</source>
        <translation>PCR</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="85"/>
        <source>IRF</source>
        <translation>FIR</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="85"/>
        <source>Global</source>
        <translation>Mondial</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="125"/>
        <source>Acronym</source>
        <translation>Sigle</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="125"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="125"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/mechanism_list.py" line="125"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../mcim_desk/ui/preferences_dialog.py" line="29"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/preferences_dialog.py" line="46"/>
        <source>Profile name (written in the audit log)</source>
        <translation>Nom de profil (inscrit dans le journal d’audit)</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/preferences_dialog.py" line="47"/>
        <source>My time zone</source>
        <translation>Mon fuseau horaire</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/preferences_dialog.py" line="48"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/preferences_dialog.py" line="63"/>
        <source>The profile name cannot be empty.</source>
        <translation>Le nom de profil ne peut pas être vide.</translation>
    </message>
    <message>
        <location filename="../../mcim_desk/ui/preferences_dialog.py" line="68"/>
        <source>Unknown time zone “{zone}”: use a name such as Europe/Geneva.</source>
        <translation>Fuseau horaire inconnu « {zone} » : utilisez un nom comme Europe/Geneva.</translation>
    </message>
</context>
</TS>
