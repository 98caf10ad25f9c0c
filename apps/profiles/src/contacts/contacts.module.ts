import { Module } from '@nestjs/common';
import { ContactsController } from './contacts.controller';

/** The internal contact lookup notifications uses to address a person. */
@Module({ controllers: [ContactsController] })
export class ContactsModule {}
